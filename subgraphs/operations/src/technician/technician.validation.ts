import { isEmail } from 'class-validator';
import { invalidTechnician } from './technician.errors';

/** The technician's fields after an input is applied to what is stored. */
export interface TechnicianState {
  name: string;
  email: string | null;
  phone: string | null;
  homeAddress: string | null;
  homeLat: number | null;
  homeLng: number | null;
  vehicle: string | null;
  vehicleCapacity: number | null;
  shiftStartMin: number;
  shiftEndMin: number;
  workDays: number[];
  maxJobsPerDay: number;
  photoUrl: string | null;
}

const PHONE = /^\+[1-9]\d{6,14}$/;

/** `+420 601-234 567` → `+420601234567`; separators people type are dropped. */
export function normalizePhone(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const compact = value.replace(/[\s\-().]/g, '');
  const phone = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!PHONE.test(phone)) {
    throw invalidTechnician(
      'Give the phone in international format, like +420 601 234 567',
      'phone',
    );
  }
  return phone;
}

export function normalizeEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase();
  if (!email) return null;
  if (!isEmail(email)) throw invalidTechnician('Give a valid email address', 'email');
  return email;
}

const DATA_IMAGE = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/;
/** Longest photo URL accepted: a data: URL of 200 KB (an https URL is far shorter). */
const PHOTO_MAX = 200 * 1024;

/**
 * The technician's photo for customers: an https URL or an inline raster image (no SVG, which
 * can carry script). Anything else would load from where we cannot vouch for.
 */
export function normalizePhotoUrl(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (value.length > PHOTO_MAX)
    throw invalidTechnician('The photo must be at most 200 KB', 'photoUrl');
  if (value.startsWith('data:')) {
    if (!DATA_IMAGE.test(value))
      throw invalidTechnician(
        'Give the photo as a base64 data:image/png, jpeg, webp or gif URL',
        'photoUrl',
      );
    return value;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidTechnician('Give the photo as an https:// URL or a data:image/ URL', 'photoUrl');
  }
  if (url.protocol !== 'https:' || value.length > 2000)
    throw invalidTechnician('Give the photo as an https:// URL or a data:image/ URL', 'photoUrl');
  return url.toString();
}

export const normalizeText = (raw: string | null | undefined): string | null => raw?.trim() || null;

/**
 * Rules that span fields or that the input decorators cannot see (trimmed lengths, values kept
 * from the stored row on update). Throws the first problem found.
 */
export function checkTechnician(s: TechnicianState): void {
  if (s.name.length < 2 || s.name.length > 80) {
    throw invalidTechnician('Give a name of 2 to 80 characters', 'name');
  }
  if ((s.homeLat == null) !== (s.homeLng == null)) {
    throw invalidTechnician(
      'Give the home base latitude and longitude together',
      s.homeLat == null ? 'homeLat' : 'homeLng',
    );
  }
  if (s.homeLat != null && (s.homeLat < -90 || s.homeLat > 90)) {
    throw invalidTechnician('Latitude must be between -90 and 90', 'homeLat');
  }
  if (s.homeLng != null && (s.homeLng < -180 || s.homeLng > 180)) {
    throw invalidTechnician('Longitude must be between -180 and 180', 'homeLng');
  }
  if (
    !Number.isInteger(s.shiftStartMin) ||
    !Number.isInteger(s.shiftEndMin) ||
    s.shiftStartMin < 0 ||
    s.shiftEndMin > 1440
  ) {
    throw invalidTechnician(
      'Shift times must be between 0 and 1440 minutes after midnight',
      'shiftStartMin',
    );
  }
  if (s.shiftStartMin >= s.shiftEndMin) {
    throw invalidTechnician('The shift must end after it starts', 'shiftEndMin');
  }
  if (
    s.workDays.length === 0 ||
    new Set(s.workDays).size !== s.workDays.length ||
    s.workDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)
  ) {
    throw invalidTechnician(
      'Choose work days as distinct ISO weekdays from 1 (Monday) to 7 (Sunday)',
      'workDays',
    );
  }
  if (!Number.isInteger(s.maxJobsPerDay) || s.maxJobsPerDay < 1 || s.maxJobsPerDay > 30) {
    throw invalidTechnician('Max jobs per day must be 1 to 30', 'maxJobsPerDay');
  }
  if (s.vehicleCapacity != null && s.vehicleCapacity < 0) {
    throw invalidTechnician('Vehicle capacity cannot be negative', 'vehicleCapacity');
  }
}

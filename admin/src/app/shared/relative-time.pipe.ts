import { Pipe, type PipeTransform } from '@angular/core';
import { formatRelative } from './relative-time';

/**
 * `{{ iso | relativeTime: now() }}` → "3 minutes ago". Pass a ticking `now` signal so the text
 * ages while the page stays open (the pipe is pure).
 */
@Pipe({ name: 'relativeTime' })
export class RelativeTimePipe implements PipeTransform {
  transform(value: string | null | undefined, now: number = Date.now()): string {
    return formatRelative(value, now);
  }
}

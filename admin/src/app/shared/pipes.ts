import { Pipe, type PipeTransform } from '@angular/core';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  humanize,
  woNumber,
  type MoneyLike,
} from './format';

/** `{{ price | money }}` → "€123.45" from minor units and currency. */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(value: MoneyLike | null | undefined): string {
    return formatMoney(value);
  }
}

/** `{{ iso | dateTime }}` → "Mar 3, 2026, 9:30 AM"; `{{ iso | dateTime: 'date' }}` → date only. */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | null | undefined, style: 'dateTime' | 'date' = 'dateTime'): string {
    return style === 'date' ? formatDate(value) : formatDateTime(value);
  }
}

/** `{{ 42 | woNumber }}` → "WO-42". */
@Pipe({ name: 'woNumber' })
export class WoNumberPipe implements PipeTransform {
  transform(value: number | null | undefined): string {
    return woNumber(value);
  }
}

/** `{{ 'EN_ROUTE' | humanize }}` → "En route". */
@Pipe({ name: 'humanize' })
export class HumanizePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return humanize(value);
  }
}

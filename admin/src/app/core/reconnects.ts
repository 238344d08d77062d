import { Injectable } from '@angular/core';
import { Subject } from 'rxjs';

/** Tells pages that the live connection came back, so they refetch what they show. */
@Injectable({ providedIn: 'root' })
export class Reconnects {
  private readonly subject = new Subject<void>();
  readonly events = this.subject.asObservable();

  notify(): void {
    this.subject.next();
  }
}

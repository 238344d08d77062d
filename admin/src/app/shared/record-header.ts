import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { confirmAction } from './confirm-dialog';

/** What (de)activating a record means, as the confirmation says it. */
export interface ActiveConsequences {
  deactivate: string;
  reactivate: string;
}

/**
 * The title row of a record's detail page (technician, vendor): name, Active/Inactive, and for
 * editors Edit and Deactivate/Reactivate. Asks before either; `setActive` says what was
 * confirmed. Test ids are `<testid>-title`, `-state`, `-edit`, `-deactivate` and `-reactivate`.
 */
@Component({
  selector: 'att-record-header',
  imports: [RouterLink, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <div class="heading">
        <h1 [attr.data-testid]="testid() + '-title'">{{ name() }}</h1>
        <span class="state" [class.inactive]="!active()" [attr.data-testid]="testid() + '-state'">{{
          active() ? 'Active' : 'Inactive'
        }}</span>
      </div>
      @if (canEdit()) {
        <div class="buttons">
          <a mat-stroked-button [routerLink]="editLink()" [attr.data-testid]="testid() + '-edit'"
            >Edit</a
          >
          @if (active()) {
            <button
              mat-stroked-button
              type="button"
              class="danger"
              [disabled]="busy()"
              (click)="confirm(false)"
              [attr.data-testid]="testid() + '-deactivate'"
            >
              Deactivate
            </button>
          } @else {
            <button
              mat-stroked-button
              type="button"
              [disabled]="busy()"
              (click)="confirm(true)"
              [attr.data-testid]="testid() + '-reactivate'"
            >
              Reactivate
            </button>
          }
        </div>
      }
    </header>
  `,
  styleUrl: './record-header.scss',
})
export class RecordHeader {
  readonly name = input.required<string>();
  readonly active = input.required<boolean>();
  readonly canEdit = input(false);
  readonly busy = input(false);
  readonly editLink = input.required<readonly string[]>();
  readonly consequences = input.required<ActiveConsequences>();
  /** Prefix of the test ids, e.g. `technician`. */
  readonly testid = input.required<string>();
  readonly setActive = output<boolean>();

  private readonly dialog = inject(MatDialog);

  protected async confirm(active: boolean): Promise<void> {
    const name = this.name();
    const confirmed = await confirmAction(this.dialog, {
      title: active ? `Reactivate ${name}?` : `Deactivate ${name}?`,
      message: active ? this.consequences().reactivate : this.consequences().deactivate,
      confirm: active ? 'Reactivate' : 'Deactivate',
      danger: !active,
    });
    if (confirmed) this.setActive.emit(active);
  }
}

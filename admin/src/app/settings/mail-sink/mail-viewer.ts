import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { DomSanitizer } from '@angular/platform-browser';
import { messageOf } from '../../core/errors';
import { SinkMailGQL } from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { DateTimePipe } from '../../shared/pipes';
import { liveQuery } from '../../shared/query-state';

/**
 * One mail of the sink: its HTML part in a sandboxed frame, its text part, and its headers. The
 * HTML is shown exactly as sent, so it goes into `srcdoc` of an iframe whose empty `sandbox`
 * allows no scripts, no forms, no popups and no same-origin access: whatever the mail holds
 * cannot touch this page or its session.
 */
@Component({
  selector: 'att-mail-viewer',
  imports: [MatButtonModule, MatTabsModule, ErrorBanner, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="viewer" data-testid="mail-viewer" aria-label="Mail">
      <header>
        <button mat-button type="button" (click)="closed.emit()" data-testid="mail-close">
          ← Back to the list
        </button>
      </header>
      @if (error(); as message) {
        <att-error-banner [message]="message" (retry)="query.refetch()" />
      } @else if (mail(); as m) {
        <h2 data-testid="mail-subject">{{ m.subject || '(no subject)' }}</h2>
        <dl>
          <dt>From</dt>
          <dd>{{ m.from }}</dd>
          <dt>To</dt>
          <dd data-testid="mail-to">{{ m.to.join(', ') }}</dd>
          <dt>Received</dt>
          <dd>{{ m.receivedAt | dateTime }}</dd>
        </dl>
        <mat-tab-group animationDuration="0ms" data-testid="mail-parts">
          <mat-tab label="HTML">
            @if (html(); as doc) {
              <iframe
                sandbox=""
                referrerpolicy="no-referrer"
                title="HTML part of the mail"
                [srcdoc]="doc"
                data-testid="mail-html"
              ></iframe>
            } @else {
              <p class="muted" data-testid="mail-no-html">This mail has no HTML part.</p>
            }
          </mat-tab>
          <mat-tab label="Text">
            @if (m.text) {
              <pre data-testid="mail-text">{{ m.text }}</pre>
            } @else {
              <p class="muted">This mail has no text part.</p>
            }
          </mat-tab>
          <mat-tab label="Headers">
            <table class="headers" data-testid="mail-headers">
              @for (h of m.headers; track $index) {
                <tr>
                  <th>{{ h.name }}</th>
                  <td>{{ h.value }}</td>
                </tr>
              }
            </table>
          </mat-tab>
        </mat-tab-group>
      } @else {
        <div class="loading" aria-busy="true" data-testid="mail-loading">
          <div class="bar"></div>
          <div class="bar short"></div>
        </div>
      }
    </section>
  `,
  styleUrl: './mail-sink.scss',
})
export class MailViewer {
  readonly mailId = input.required<string>();
  readonly closed = output<void>();
  private readonly gql = inject(SinkMailGQL);
  private readonly sanitizer = inject(DomSanitizer);

  private readonly variables = computed(() => ({ id: this.mailId() }));
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, fetchPolicy: 'cache-first' }),
  );
  protected readonly mail = computed(() => this.query.data()?.sinkMail ?? null);
  protected readonly error = computed(() =>
    this.query.error() && !this.mail() ? messageOf(this.query.error()) : null,
  );
  // Trusted only because the frame is fully sandboxed (see above); Angular's sanitizer would
  // otherwise rewrite the mail and show something other than what was sent.
  protected readonly html = computed(() => {
    const html = this.mail()?.html;
    return html ? this.sanitizer.bypassSecurityTrustHtml(html) : null;
  });
}

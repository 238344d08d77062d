import { ChangeDetectionStrategy, Component, inject, input, type Signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  from,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import { messageOf } from '../../core/errors';
import { MessageTemplatePreviewGQL, type PreviewTemplateInput } from '../../generated/graphql';
import { sameJson } from '../../shared/same-json';
import { segmentsLabel, ucs2Note, type TemplatePreviewResult } from './templates.model';

export type PreviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; preview: TemplatePreviewResult };

/**
 * The server's rendering of a draft, asked again 300 ms after each edit (call in an injection
 * context). The server is the one place that renders and counts segments.
 */
export function templatePreview(
  request: Signal<PreviewTemplateInput | null>,
): Signal<PreviewState> {
  const gql = inject(MessageTemplatePreviewGQL);
  return toSignal(
    toObservable(request).pipe(
      debounceTime(300),
      distinctUntilChanged(sameJson),
      switchMap((input) =>
        input
          ? from(gql.fetch({ variables: { input }, fetchPolicy: 'network-only' })).pipe(
              map((res): PreviewState => {
                const preview = res.data?.previewTemplate;
                if (!preview) throw res.error ?? new Error('The preview failed');
                return { kind: 'done', preview };
              }),
              catchError((err: unknown) =>
                of<PreviewState>({ kind: 'error', message: messageOf(err) }),
              ),
              startWith<PreviewState>({ kind: 'loading' }),
            )
          : of<PreviewState>({ kind: 'idle' }),
      ),
    ),
    { initialValue: { kind: 'idle' } as PreviewState },
  );
}

/** The rendered draft with sample data: text, email subject and HTML, SMS segments, problems. */
@Component({
  selector: 'att-template-preview',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-live="polite" data-testid="template-preview">
      <h3>Preview</h3>
      <p class="hint">Rendered by the server with sample data (Ana Novak, job #1042).</p>
      @switch (state().kind) {
        @case ('idle') {
          <p class="hint" data-testid="template-preview-idle">Write the text to see it here.</p>
        }
        @case ('loading') {
          <mat-progress-bar mode="indeterminate" />
        }
        @case ('error') {
          <p class="error" role="alert" data-testid="template-preview-error">{{ error() }}</p>
        }
        @case ('done') {
          @if (preview(); as p) {
            @if (p.subject !== null) {
              <p class="subject" data-testid="template-preview-subject">{{ p.subject }}</p>
            }
            <pre class="text" data-testid="template-preview-text">{{ p.text }}</pre>
            @if (p.sms; as sms) {
              <p class="count" data-testid="template-preview-segments">{{ segments(sms) }}</p>
              @if (ucs2(sms); as note) {
                <p class="hint" data-testid="template-preview-ucs2">{{ note }}</p>
              }
            }
            @if (p.html) {
              <iframe
                title="HTML preview"
                sandbox=""
                [srcdoc]="p.html"
                data-testid="template-preview-html"
              ></iframe>
            }
            @if (p.problems.length > 0) {
              <ul class="problems" data-testid="template-preview-problems">
                @for (problem of p.problems; track $index) {
                  <li
                    [class.error]="problem.severity === 'ERROR'"
                    [attr.data-severity]="problem.severity"
                    data-testid="template-problem"
                  >
                    {{ partLabel(problem.part) }}: {{ problem.message }}
                  </li>
                }
              </ul>
            }
            @if (p.emptyFields.length > 0) {
              <p class="hint" data-testid="template-preview-empty">
                Empty with this sample: {{ p.emptyFields.join(', ') }}
              </p>
            }
          }
        }
      }
    </section>
  `,
  styles: `
    :host {
      position: sticky;
      top: 0;
    }
    section {
      display: grid;
      gap: 8px;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low);
      min-height: 160px;
      align-content: start;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .hint,
    .count {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .count {
      font-weight: 500;
    }
    .subject {
      margin: 0;
      font-weight: 500;
    }
    .text {
      margin: 0;
      padding: 8px 10px;
      border-radius: 12px;
      background: var(--mat-sys-surface);
      white-space: pre-wrap;
      word-break: break-word;
      font: var(--mat-sys-body-medium);
    }
    iframe {
      width: 100%;
      min-height: 200px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: #fff;
    }
    .problems {
      margin: 0;
      padding-left: 18px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class TemplatePreview {
  readonly state = input.required<PreviewState>();

  protected readonly segments = segmentsLabel;
  protected readonly ucs2 = ucs2Note;

  protected preview(): TemplatePreviewResult | null {
    const s = this.state();
    return s.kind === 'done' ? s.preview : null;
  }

  protected error(): string {
    const s = this.state();
    return s.kind === 'error' ? s.message : '';
  }

  protected partLabel(part: string): string {
    return part === 'html' ? 'HTML' : part === 'subject' ? 'Subject' : 'Text';
  }
}

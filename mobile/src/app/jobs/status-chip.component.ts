import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { IonChip, IonLabel } from '@ionic/angular';
import type { WorkOrderStatus } from '../generated/graphql';
import { STATUS_COLOR, STATUS_LABEL } from './status-actions';

@Component({
  selector: 'app-status-chip',
  imports: [IonChip, IonLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ion-chip [color]="color()" [outline]="false" [attr.data-status]="status()">
      <ion-label>{{ label() }}</ion-label>
    </ion-chip>
  `,
  styles: `
    ion-chip {
      margin: 0;
      height: 26px;
      font-size: 0.8rem;
      font-weight: 600;
      pointer-events: none;
    }
  `,
})
export class StatusChipComponent {
  readonly status = input.required<WorkOrderStatus>();
  readonly label = computed(() => STATUS_LABEL[this.status()]);
  readonly color = computed(() => STATUS_COLOR[this.status()]);
}

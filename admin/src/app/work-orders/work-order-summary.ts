import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { WorkOrderFullFragment } from '../generated/graphql';
import { DateTimePipe, HumanizePipe, MoneyPipe, WoNumberPipe } from '../shared/pipes';
import { StatusChip } from '../shared/status-chip';
import { requiredSkillsText } from './work-order-catalog.model';

/** The "Details" card: kind, service, assignee, times, price and description. */
@Component({
  selector: 'att-work-order-summary',
  imports: [
    MatCardModule,
    RouterLink,
    StatusChip,
    DateTimePipe,
    HumanizePipe,
    MoneyPipe,
    WoNumberPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let wo = workOrder();
    <mat-card appearance="outlined" class="details">
      <mat-card-header><mat-card-title>Details</mat-card-title></mat-card-header>
      <mat-card-content>
        <dl>
          <dt>Kind</dt>
          <dd>{{ wo.kind | humanize }}</dd>
          <dt>Service type</dt>
          <dd data-testid="wo-service-type">
            {{ wo.serviceType?.name ?? '—' }}
            @if (skills(); as s) {
              <span class="sub">{{ s }}</span>
            }
          </dd>
          <dt>Priority</dt>
          <dd data-testid="wo-priority"><att-status-chip [value]="wo.priority" /></dd>
          <dt>Team</dt>
          <dd data-testid="wo-team">{{ wo.team?.name ?? '—' }}</dd>
          <dt>Technician</dt>
          <dd data-testid="wo-technician">{{ wo.technician?.name ?? 'Unassigned' }}</dd>
          @if (wo.vendor; as vendor) {
            <dt>Vendor</dt>
            <dd data-testid="wo-vendor">
              {{ vendor.name }}
              @if (vendor.phone) {
                · <a [href]="'tel:' + vendor.phone">{{ vendor.phone }}</a>
              }
            </dd>
          }
          <dt>Scheduled</dt>
          <dd data-testid="wo-scheduled">
            {{ wo.scheduledStart | dateTime }}
            @if (wo.scheduledEnd) {
              – {{ wo.scheduledEnd | dateTime }}
            }
          </dd>
          <dt>Time window</dt>
          <dd data-testid="wo-window">
            @if (wo.windowStart || wo.windowEnd) {
              {{ wo.windowStart | dateTime }} – {{ wo.windowEnd | dateTime }}
            } @else {
              Any time
            }
          </dd>
          <dt>SLA due</dt>
          <dd data-testid="wo-sla">{{ wo.slaDueAt | dateTime }}</dd>
          <dt>Estimated</dt>
          <dd>{{ wo.estimatedMinutes }} min</dd>
          <dt>Price</dt>
          <dd data-testid="wo-price">{{ wo.price | money }}</dd>
          @if (wo.room) {
            <dt>Room</dt>
            <dd>{{ wo.room.number }}</dd>
          }
          @if (wo.reworkOf; as earlier) {
            <dt>Rework of</dt>
            <dd data-testid="wo-rework-of">
              <a [routerLink]="['/work-orders', earlier.id]"
                >{{ earlier.number | woNumber }} {{ earlier.title }}</a
              >
            </dd>
          }
          @if (wo.startedAt) {
            <dt>Started</dt>
            <dd>{{ wo.startedAt | dateTime }}</dd>
          }
          @if (wo.completedAt) {
            <dt>Completed</dt>
            <dd>{{ wo.completedAt | dateTime }}</dd>
          }
          @if (wo.cancelledAt) {
            <dt>Cancelled</dt>
            <dd>{{ wo.cancelledAt | dateTime }}</dd>
          }
          <dt>Created</dt>
          <dd>{{ wo.createdAt | dateTime }}</dd>
          <dt>Updated</dt>
          <dd>{{ wo.updatedAt | dateTime }} · version {{ wo.version }}</dd>
        </dl>
        @if (wo.description) {
          <h3>Description</h3>
          <p class="description" data-testid="wo-description">{{ wo.description }}</p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './work-order-summary.scss',
})
export class WorkOrderSummary {
  readonly workOrder = input.required<WorkOrderFullFragment>();
  protected readonly skills = computed(() => requiredSkillsText(this.workOrder().serviceType));
}

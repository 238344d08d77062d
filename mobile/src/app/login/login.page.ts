import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  IonButton,
  IonContent,
  IonIcon,
  IonInput,
  IonInputPasswordToggle,
  IonSpinner,
  IonText,
  NavController,
} from '@ionic/angular';
import { addIcons } from 'ionicons';
import { alertCircleOutline, constructOutline } from 'ionicons/icons';
import { AuthService } from '../core/auth/auth.service';
import { toApiError } from '../core/errors';

@Component({
  selector: 'app-login',
  imports: [
    ReactiveFormsModule,
    IonButton,
    IonContent,
    IonIcon,
    IonInput,
    IonInputPasswordToggle,
    IonSpinner,
    IonText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly nav = inject(NavController);

  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  readonly submitting = signal(false);
  readonly submitted = signal(false);
  readonly serverError = signal<string | null>(null);

  constructor() {
    addIcons({ alertCircleOutline, constructOutline });
  }

  /** The message under a field, once the user has left it or tried to sign in. */
  fieldError(name: 'email' | 'password'): string | null {
    const control = this.form.controls[name];
    if (control.valid || !(control.touched || this.submitted())) return null;
    if (name === 'password') return 'Enter your password';
    return control.hasError('required')
      ? 'Enter your email address'
      : 'Enter a valid email address';
  }

  async submit(): Promise<void> {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    this.serverError.set(null);
    const { email, password } = this.form.getRawValue();
    try {
      await this.auth.login(email.trim(), password);
      this.form.reset();
      this.submitted.set(false);
      await this.nav.navigateRoot('/today');
    } catch (err) {
      const { code, message } = toApiError(err);
      this.serverError.set(
        code === 'NETWORK' ? 'Cannot reach the server — check your connection' : message,
      );
    } finally {
      this.submitting.set(false);
    }
  }
}

from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from roledesign.services.passwords import MAX_LENGTH, MIN_LENGTH, password_problem
from roledesign.web.forms import BaseForm, email_field


class SignUpForm(BaseForm):
    name = StringField(
        "Your full name",
        validators=[
            DataRequired("Enter your full name"),
            Length(max=120, message="Name must be 120 characters or fewer"),
        ],
    )
    email = email_field()
    password = PasswordField(
        "Create a password",
        description=f"Use at least {MIN_LENGTH} characters. A few unrelated words make a strong password.",
        validators=[
            DataRequired("Create a password"),
            Length(
                min=MIN_LENGTH,
                max=MAX_LENGTH,
                message=f"Password must be between {MIN_LENGTH} and {MAX_LENGTH} characters",
            ),
        ],
    )
    confirm = PasswordField(
        "Confirm your password",
        validators=[
            DataRequired("Confirm your password"),
            EqualTo("password", "The passwords do not match"),
        ],
    )

    def validate_password(self, field):
        problem = password_problem(
            field.data, email=self.email.data or "", name=self.name.data or ""
        )
        if problem:
            raise ValidationError(problem)


class SignInForm(BaseForm):
    email = EmailField(
        "Email address",
        validators=[
            DataRequired("Enter your email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    password = PasswordField(
        "Password",
        validators=[
            DataRequired("Enter your password"),
            Length(max=MAX_LENGTH, message="Enter a correct email address and password"),
        ],
    )


class ForgotPasswordForm(BaseForm):
    email = email_field()


class ResetPasswordForm(BaseForm):
    password = PasswordField(
        "New password",
        description=f"Use at least {MIN_LENGTH} characters. A few unrelated words make a strong password.",
        validators=[DataRequired("Create a new password")],
    )
    confirm = PasswordField(
        "Confirm your new password",
        validators=[
            DataRequired("Confirm your new password"),
            EqualTo("password", "The passwords do not match"),
        ],
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def validate_password(self, field):
        problem = password_problem(
            field.data,
            email=self.user.email if self.user else "",
            name=self.user.name if self.user else "",
        )
        if problem:
            raise ValidationError(problem)

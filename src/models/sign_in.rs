use super::validate::{self, FieldErrors, Validate};
use crate::api::Secret;

/// The sign-in fields that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInField {
    Endpoint,
    Project,
    Token,
}

/// A pasted token for a project, and the endpoint to use it with.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenSignIn {
    pub endpoint: String,
    pub project_id: String,
    pub token: Secret,
}

impl Validate for TokenSignIn {
    type Field = SignInField;
    fn validate(&self) -> Result<(), FieldErrors<SignInField>> {
        let mut errors = FieldErrors::default();
        errors.check(SignInField::Endpoint, validate::endpoint(&self.endpoint));
        errors.check(SignInField::Project, validate::project_id(&self.project_id));
        errors.check(SignInField::Token, validate::token(self.token.expose()));
        errors.into_result()
    }
}

/// The fields of a Keystone sign-in that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeystoneField {
    User,
    Domain,
    Password,
    Token,
}

/// A Keystone password sign-in; a blank project signs in unscoped.
#[derive(Clone, Debug, PartialEq)]
pub struct PasswordSignIn {
    pub user: String,
    pub user_domain: String,
    pub password: Secret,
    pub project: String,
}

impl Validate for PasswordSignIn {
    type Field = KeystoneField;
    fn validate(&self) -> Result<(), FieldErrors<KeystoneField>> {
        let mut errors = FieldErrors::default();
        let blank =
            |text: &str, what: &str| text.trim().is_empty().then(|| format!("Enter {what}."));
        errors.check(KeystoneField::User, blank(&self.user, "your user name"));
        errors.check(KeystoneField::Domain, blank(&self.user_domain, "the domain of your user"));
        errors.check(KeystoneField::Password, blank(self.password.expose(), "your password"));
        errors.into_result()
    }
}

/// A pasted Keystone token, to be validated by Keystone.
#[derive(Clone, Debug, PartialEq)]
pub struct PastedToken(pub Secret);

impl Validate for PastedToken {
    type Field = KeystoneField;
    fn validate(&self) -> Result<(), FieldErrors<KeystoneField>> {
        let mut errors = FieldErrors::default();
        errors.check(KeystoneField::Token, validate::token(self.0.expose()));
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_checked_and_the_token_is_never_printed() {
        let blank = TokenSignIn {
            endpoint: "/v1/{project_id}".into(),
            project_id: String::new(),
            token: "s3cr3t x".into(),
        };
        let errors = blank.validate().unwrap_err();
        assert_eq!(errors.get(SignInField::Project), Some("Enter the project ID."));
        assert!(errors.get(SignInField::Token).is_some());
        assert_eq!(errors.get(SignInField::Endpoint), None);
        assert!(!format!("{blank:?}").contains("s3cr3t"));
    }

    #[test]
    fn a_password_sign_in_needs_user_domain_and_password_but_not_a_project() {
        let form = PasswordSignIn {
            user: " ".into(),
            user_domain: "Default".into(),
            password: "".into(),
            project: String::new(),
        };
        let errors = form.validate().unwrap_err();
        assert_eq!(errors.get(KeystoneField::User), Some("Enter your user name."));
        assert_eq!(errors.get(KeystoneField::Password), Some("Enter your password."));
        assert_eq!(errors.get(KeystoneField::Domain), None);
        let ok = PasswordSignIn { user: "admin".into(), password: "pw-42".into(), ..form };
        assert!(ok.validate().is_ok());
        assert!(!format!("{ok:?}").contains("pw-42"));
    }
}

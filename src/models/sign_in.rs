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
}

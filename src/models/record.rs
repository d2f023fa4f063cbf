//! Declares an API record once: its fields, grouped by type, become both the struct and its
//! lenient decoder, so a field and its JSON key are never written twice.
//!
//! ```ignore
//! record! {
//!     /// A backup target.
//!     pub struct BackupTarget {
//!         String: id;
//!         Option<String>: kind = "type", filesystem_export = "filesystem_export" | "nfs_export";
//!         bool: is_default;
//!         Vec<KeyValue>: backup_target_metadata;
//!     }
//! }
//! ```
//! A field is read under its own name unless keys follow `=` (the first present wins), the way
//! its type reads ([`ReadField`](super::json::ReadField)).

/// The JSON keys of a field: its own name, or the ones given.
macro_rules! field_keys {
    ($field:ident) => {
        [stringify!($field)]
    };
    ($field:ident $($key:literal)+) => {
        [$($key),+]
    };
}

macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $ty:ty : $( $field:ident $(= $($key:literal)|+)? ),+ ; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name {
            $( $( pub $field: $ty, )+ )+
        }

        impl $crate::models::json::FromJson for $name {
            fn from_json(value: &crate::json::Value) -> Result<Self, String> {
                let o = $crate::models::json::Obj::new(value)?;
                Ok(Self {
                    $( $( $field: o.read::<$ty>(&$crate::models::record::field_keys!($field $($($key)+)?)), )+ )+
                })
            }
        }
    };
}

pub(crate) use {field_keys, record};

//! The names of every enum value the API, the files and the bindings use, in one table per enum.
//!
//! One rule reads them everywhere (`FromStr`, serde, the Python and Kotlin/Swift bindings):
//! case does not matter, and `-`, `_` and spaces are the same separator, so `"Unnamed Group"`,
//! `"unnamed-group"` and `"unnamed_group"` name the same kind. The canonical name, the one written
//! to files and given back by `as_str` and `Display`, is lower-case words joined by `_` (the
//! reliability grades keep their capital letters, `"A"` to `"F"`, as the Admiralty scale writes
//! them). A few enums also accept older or everyday spellings (`"anonymous_group"`,
//! `"declined_to_comment"`); those are listed beside the value they name.

/// A name as the rule compares it: trimmed, lower-case, with `-` and spaces read as `_`.
pub(crate) fn normalize(name: &str) -> String {
    name.trim().to_lowercase().replace(['-', ' '], "_")
}

/// Declares the value names of an enum: `ALL`, `as_str`, `FromStr` (the one rule, with the listed
/// aliases), `Display`, and serde (the canonical name out, any spelling the rule accepts in).
/// `$field` names the field in the error a bad name gives; `$what` is what the value is
/// ("a source kind").
macro_rules! value_names {
    (
        $t:ident, $field:literal, $what:literal {
            $($v:ident => $name:literal $(| $alias:literal)*),+ $(,)?
        }
    ) => {
        $crate::names::value_names!(@table $t, $field, $what { $($v => $name $(| $alias)*),+ });

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    // A kind whose `Display` is words for messages (`"source relation"`), not its name.
    (
        $t:ident, $field:literal, $what:literal, shown as $shown:ident {
            $($v:ident => $name:literal $(| $alias:literal)*),+ $(,)?
        }
    ) => {
        $crate::names::value_names!(@table $t, $field, $what { $($v => $name $(| $alias)*),+ });

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.$shown())
            }
        }
    };
    (
        @table $t:ident, $field:literal, $what:literal {
            $($v:ident => $name:literal $(| $alias:literal)*),+
        }
    ) => {
        impl $t {
            /// Every value, in declaration order.
            pub const ALL: [$t; [$($name),+].len()] = [$($t::$v),+];

            /// The canonical name, as files and the bindings write it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($t::$v => $name,)+
                }
            }
        }

        impl std::str::FromStr for $t {
            type Err = $crate::Error;

            /// Reads a name by the crate's one rule: case and separators (`-`, `_`, space) do not
            /// matter.
            fn from_str(s: &str) -> $crate::Result<Self> {
                // The canonical names first: files hold nothing else, and this needs no copy.
                match s {
                    $($name => return Ok($t::$v),)+
                    _ => {}
                }
                let wanted = $crate::names::normalize(s);
                $(
                    if wanted == $crate::names::normalize($name)
                        $(|| wanted == $crate::names::normalize($alias))*
                    {
                        return Ok($t::$v);
                    }
                )+
                Err($crate::Error::invalid_field(
                    s,
                    $field,
                    concat!($what, " is one of ", $crate::names::value_names!(@list $($name),+)),
                ))
            }
        }

        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Name;
                impl serde::de::Visitor<'_> for Name {
                    type Value = $t;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!(
                            $what,
                            ": one of ",
                            $crate::names::value_names!(@list $($name),+)
                        ))
                    }
                    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<$t, E> {
                        name.parse().map_err(|_| {
                            E::custom(format_args!(
                                concat!(
                                    "unknown {} {:?}: ",
                                    $what,
                                    " is one of ",
                                    $crate::names::value_names!(@list $($name),+)
                                ),
                                $field, name
                            ))
                        })
                    }
                }
                d.deserialize_str(Name)
            }
        }
    };
    (@list $first:literal $(, $rest:literal)*) => {
        concat!($first $(, ", ", $rest)*)
    };
}

pub(crate) use value_names;

//! The uniffi binding generator, built from the workspace's exact uniffi version so that the
//! generated Kotlin and Swift match the library they load.
fn main() {
    uniffi::uniffi_bindgen_main()
}

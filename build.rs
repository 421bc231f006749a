//! Compiles the one C file of the core: SQLite's file locks as Linux
//! open-file-description locks (`src/store/file_locks.c`, which says why).
fn main() {
    println!("cargo:rerun-if-changed=src/store/file_locks.c");
    // libsqlite3-sys (bundled SQLCipher) tells its direct dependents where sqlite3.h is.
    let include = std::env::var("DEP_SQLITE3_INCLUDE").expect("libsqlite3-sys exports its include directory");
    cc::Build::new().file("src/store/file_locks.c").include(include).warnings(true).compile("sandtable_file_locks");
}

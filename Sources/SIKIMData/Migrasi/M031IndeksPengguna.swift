/// Notice recipients are looked up by role (and area) or by KIM on every submission and
/// action: with an account for each pengurus of a nation's KIMs (64,000), each lookup read them all.
package struct M031IndeksPengguna: MigrasiIndeks {
    package static let indeks = [(nama: "pengguna_peran_wilayah_idx", tabel: "pengguna", kolom: ["peran", "kode_wilayah"]),
                         (nama: "pengguna_kim_idx", tabel: "pengguna", kolom: ["kim_id"])]
}

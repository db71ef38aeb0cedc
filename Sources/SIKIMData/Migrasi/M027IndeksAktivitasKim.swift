/// Each KIM's latest laporan, kegiatan and dissemination report, read per KIM for its
/// activity status.
package struct M027IndeksAktivitasKim: MigrasiIndeks {
    package static let indeks = [(nama: "laporan_kim_dibuat_idx", tabel: "laporan", kolom: ["kim_id", "dibuat_pada"]),
                         (nama: "kegiatan_kim_tanggal_idx", tabel: "kegiatan", kolom: ["kim_id", "tanggal"]),
                         (nama: "materi_penerima_kim_tanggal_idx", tabel: "materi_penerima", kolom: ["kim_id", "tanggal"])]
}

/// The dashboard's month of laporan with the moments of their SLA stages, read from
/// indexes alone: from the table rows, a national month (86,000 laporan) took 3 s of page reads.
package struct M029IndeksStatistikLaporan: MigrasiIndeks {
    package static let indeks = [
        (nama: "laporan_statistik_idx", tabel: "laporan", kolom: ["dibuat_pada", "id", "status", "kode_kategori", "kode_wilayah", "diteruskan_pada"]),
        (nama: "laporan_peristiwa_statistik_idx", tabel: "laporan_peristiwa", kolom: ["laporan_id", "aksi", "ke", "waktu"]),
    ]
}

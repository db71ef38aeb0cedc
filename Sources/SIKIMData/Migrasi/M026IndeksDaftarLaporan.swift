/// The laporan lists page newest first by (dibuat_pada, id): an index in that order makes a
/// page cost the same at any depth.
package struct M026IndeksDaftarLaporan: MigrasiIndeks {
    package static let indeks = [(nama: "laporan_dibuat_id_idx", tabel: "laporan", kolom: ["dibuat_pada", "id"])]
}

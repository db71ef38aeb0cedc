/// The public's list (`/informasi`, the API without a token) is the published laporan, newest
/// first: without this, finding a page walked the creation-time index past every unpublished one
/// (3.9 s at a million laporan).
package struct M032IndeksLaporanPublik: MigrasiIndeks {
    package static let indeks = [(nama: "laporan_publik_idx", tabel: "laporan", kolom: ["dipublikasikan", "dibuat_pada", "id"])]
}

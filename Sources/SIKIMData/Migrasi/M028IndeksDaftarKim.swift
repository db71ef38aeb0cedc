/// KIM lists page by (kode_wilayah, id), the public directory among active KIMs only: without
/// these a page sorted every KIM first (40 pages a second at 90,000 KIMs).
package struct M028IndeksDaftarKim: MigrasiIndeks {
    package static let indeks = [(nama: "kim_wilayah_id_idx", tabel: "kim", kolom: ["kode_wilayah", "id"]),
                         (nama: "kim_status_wilayah_id_idx", tabel: "kim", kolom: ["status", "kode_wilayah", "id"])]
}

import Foundation
import SIKIMCore
import SIKIMData

/// A file that cannot be imported: unreadable, or with rows in error (none are stored).
enum KesalahanImpor: KesalahanBerpesan {
    case berkas(ImporKim.Kesalahan)
    case barisSalah([ImporKim.Baris])

    var kode: String { "impor_tidak_valid" }

    var pesan: String {
        switch self {
        case .berkas(.kosong): "Berkas tidak berisi baris KIM."
        case .berkas(.formatCSV(let p)): "Berkas CSV tidak valid: \(p)"
        case .berkas(.kolomTidakSesuai(let kurang, let asing)):
            "Kolom berkas tidak sesuai templat." + (kurang.isEmpty ? "" : " Kolom yang kurang: \(kurang.joined(separator: ", ")).")
                + (asing.isEmpty ? "" : " Kolom yang tidak dikenal: \(asing.prefix(10).joined(separator: ", ")).")
        case .barisSalah(let b): "\(b.filter { !$0.kesalahan.isEmpty }.count) baris berisi kesalahan; tidak ada yang disimpan."
        }
    }
}

/// Import of existing KIMs from CSV: the core checks the rows (dry run); a clean file is stored
/// in one transaction. Between the two, the file waits in the data directory.
struct LayananImpor {
    let l: Lingkungan

    private var direktori: String { l.konfigurasi.direktoriData + "/impor" }

    func periksa(_ teks: String) async throws -> [ImporKim.Baris] {
        let wilayah = try await RepositoriWilayah(db: l.db).bawahKabupaten()
        let ada = try await RepositoriKim(db: l.db).wilayahTerisi()
        do {
            return try ImporKim.periksa(csv: teks, namaWilayah: Dictionary(uniqueKeysWithValues: wilayah.map { ($0.kode.nilai, $0.nama) }),
                                        sudahAdaKim: ada, hariIni: l.hariIni, daerah: l.konfigurasi.daerah)
        } catch { throw KesalahanImpor.berkas(error) }
    }

    /// Imports every row or none; returns how many KIMs were created.
    func impor(_ teks: String, oleh p: Pelaku) async throws -> Int {
        guard Kebijakan.boleh(p.aktor, .imporKim) else { throw TindakanDilarang() }
        let baris = try await periksa(teks)
        guard baris.allSatisfy(\.kesalahan.isEmpty) else { throw KesalahanImpor.barisSalah(baris) }
        let sekarang = l.sekarang
        try await RepositoriKim(db: l.db).impor(baris.compactMap(\.kim).map { k in
            let m = KimModel(tingkat: k.tingkat, wilayah: k.wilayah, data: k.data, pada: sekarang)
            m.status = k.status.rawValue
            (m.nomorSKDesa, m.tanggalSKDesa) = (k.skDesa?.nomor, k.skDesa?.tanggal.iso)
            (m.nomorSKKecamatan, m.tanggalSKKecamatan) = (k.skKecamatan?.nomor, k.skKecamatan?.tanggal.iso)
            var dari = StatusKim.draf
            let langkah = ImporKim.langkah(k).enumerated().map { i, s in
                let t = TransisiKimModel()
                (t.aksi, t.dari, t.ke, t.catatan) = ("impor", dari.rawValue, s.ke.rawValue, "Diimpor dari CSV")
                (t.penggunaID, t.namaPengguna, t.peran) = (p.aktor.id, p.nama, p.aktor.peran.rawValue)
                // Each step is dated on its legal day, so the formation chart shows history.
                (t.waktu, t.tanggal, t.urutan) = (sekarang, (s.tanggal ?? Tanggal(sekarang)).iso, i)
                dari = s.ke
                return t
            }
            return (m, k.pengurus, langkah)
        })
        return baris.count
    }

    func simpanSementara(_ teks: String) throws -> String {
        try FileManager.default.createDirectory(atPath: direktori, withIntermediateDirectories: true)
        let id = UUID().uuidString.lowercased()
        try Data(teks.utf8).write(to: URL(fileURLWithPath: direktori + "/" + id + ".csv"))
        return id
    }

    func bacaSementara(_ id: String) -> String? {
        guard UUID(uuidString: id) != nil else { return nil }
        return try? String(contentsOfFile: direktori + "/" + id.lowercased() + ".csv", encoding: .utf8)
    }

    func hapusSementara(_ id: String) {
        try? FileManager.default.removeItem(atPath: direktori + "/" + id.lowercased() + ".csv")
    }
}

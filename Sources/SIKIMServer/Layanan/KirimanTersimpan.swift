import Foundation
import SIKIMCore

/// A form submission that arrived after its session ended (or with a stale CSRF token),
/// kept as it came so the sender signs in again and finds it filled, instead of retyping it.
/// One folder per submission, `tertunda/kiriman/<kunci>/`: the key travels only in the new
/// session, and the periodic check removes it with the other kept uploads after a day
/// (`BerkasTertunda.bersihkan`).
struct KirimanTersimpan: Sendable {
    struct Isi: Codable, Sendable, Equatable {
        /// The path the form was posted to.
        let jalur: String
        let jenisIsi: String
        /// The account of the session that ended, when known: nobody else may take it up.
        let pemilik: UUID?
        /// Kept in its own file, beside the rest (`isi.json`).
        var badan: [UInt8] = []
        enum CodingKeys: String, CodingKey { case jalur, jenisIsi, pemilik }
    }

    let direktori: String

    init(direktoriData: String) { direktori = direktoriData + "/tertunda/kiriman" }

    func simpan(_ isi: Isi) throws -> String {
        let kunci = Acak.rahasia(byte: 16)
        try FileManager.default.createDirectory(atPath: "\(direktori)/\(kunci)", withIntermediateDirectories: true)
        let meta = try JSONEncoder().encode(isi)
        guard FileManager.default.createFile(atPath: "\(direktori)/\(kunci)/badan", contents: Data(isi.badan)),
              FileManager.default.createFile(atPath: "\(direktori)/\(kunci)/isi.json", contents: meta)
        else { throw PenyimpananGagal() }
        return kunci
    }

    /// The submission under `kunci`, for `pengguna` only.
    func ambil(_ kunci: String?, untuk pengguna: UUID) -> Isi? {
        guard let k = kunci.flatMap(BerkasTertunda.sah), let meta = FileManager.default.contents(atPath: "\(direktori)/\(k)/isi.json"),
              var isi = try? JSONDecoder().decode(Isi.self, from: meta), isi.pemilik == nil || isi.pemilik == pengguna,
              let badan = FileManager.default.contents(atPath: "\(direktori)/\(k)/badan") else { return nil }
        isi.badan = Array(badan)
        return isi
    }

    func hapus(_ kunci: String?) {
        guard let k = kunci.flatMap(BerkasTertunda.sah) else { return }
        try? FileManager.default.removeItem(atPath: "\(direktori)/\(k)")
    }
}

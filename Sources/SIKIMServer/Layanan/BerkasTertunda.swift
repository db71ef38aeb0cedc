import Foundation
import SIKIMCore

/// Files a form sent that did not go through yet (an error elsewhere on the form, or a
/// confirmation step), kept for the session that sent them, so that nobody on a weak signal
/// picks and sends them again. One folder per session and submission,
/// `tertunda/<pemilik>/<kunci>/`: `pemilik` is a hash of the session id, so another session
/// cannot name them, and `kunci` travels in the form. Used files are removed, and the periodic
/// check removes what is older than `umur`.
struct BerkasTertunda {
    let direktori: String
    let pemilik: String

    static let umur: TimeInterval = 86_400

    init(direktoriData: String, sesi: String) {
        direktori = direktoriData + "/tertunda"
        pemilik = Sidik.sha256(sesi)
    }

    /// Keeps `baru` after the files already kept under `kunci` (a new key when there is none)
    /// and answers the key, or nil when nothing is kept.
    func simpan(_ baru: [FotoMasuk], kunci: String?) throws -> String? {
        let lama = ambil(kunci)
        guard !baru.isEmpty else { return lama.isEmpty ? nil : kunci }
        let k = kunci.flatMap(Self.sah) ?? Acak.rahasia(byte: 16)
        let folder = jalur(k)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (i, b) in baru.enumerated() {
            guard FileManager.default.createFile(atPath: "\(folder)/\(lama.count + i)", contents: Data(b.bytes)) else { throw PenyimpananGagal() }
        }
        let nama = try JSONEncoder().encode((lama + baru).map(\.nama))
        guard FileManager.default.createFile(atPath: folder + "/nama.json", contents: nama) else { throw PenyimpananGagal() }
        return k
    }

    /// The files kept under `kunci`, in the order they came.
    func ambil(_ kunci: String?) -> [FotoMasuk] {
        guard let k = kunci.flatMap(Self.sah), let d = FileManager.default.contents(atPath: jalur(k) + "/nama.json"),
              let nama = try? JSONDecoder().decode([String].self, from: d) else { return [] }
        return nama.enumerated().compactMap { i, n in
            FileManager.default.contents(atPath: "\(jalur(k))/\(i)").map { FotoMasuk(nama: n, bytes: Array($0)) }
        }
    }

    func hapus(_ kunci: String?) {
        guard let k = kunci.flatMap(Self.sah) else { return }
        try? FileManager.default.removeItem(atPath: jalur(k))
    }

    /// Removes every session's submissions older than `umur`.
    static func bersihkan(direktoriData: String, sekarang: Date) {
        let fm = FileManager.default
        let akar = direktoriData + "/tertunda"
        for p in (try? fm.contentsOfDirectory(atPath: akar)) ?? [] {
            for k in (try? fm.contentsOfDirectory(atPath: "\(akar)/\(p)")) ?? [] {
                let folder = "\(akar)/\(p)/\(k)"
                let waktu = (try? fm.attributesOfItem(atPath: folder)[.modificationDate] as? Date) ?? .distantPast
                if sekarang.timeIntervalSince(waktu) > umur { try? fm.removeItem(atPath: folder) }
            }
            if (try? fm.contentsOfDirectory(atPath: "\(akar)/\(p)"))?.isEmpty == true { try? fm.removeItem(atPath: "\(akar)/\(p)") }
        }
    }

    private func jalur(_ kunci: String) -> String { "\(direktori)/\(pemilik)/\(kunci)" }

    /// A key as `Acak.rahasia` makes them: never a path.
    static func sah(_ k: String) -> String? {
        k.count <= 64 && !k.isEmpty && k.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" } ? k : nil
    }
}

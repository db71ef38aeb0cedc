import Foundation

/// Finds a desa from what someone typed in a chat: case, spaces, punctuation, a "desa" prefix
/// and a letter or two of typing do not matter ("kramat watu" is Kramatwatu). Matched by name
/// only to offer choices; what is stored is the chosen desa's `kode`.
public struct PencocokDesa: Sendable {
    public struct Desa: Equatable, Sendable {
        public let kode: String
        public let nama: String
        public let kecamatan: String
        public init(kode: String, nama: String, kecamatan: String) { (self.kode, self.nama, self.kecamatan) = (kode, nama, kecamatan) }
        /// "Kramatwatu, Kec. Kramatwatu": how a choice is shown.
        public var label: String { "\(nama), Kec. \(kecamatan)" }
    }

    public enum Hasil: Equatable, Sendable {
        case satu(Desa)
        /// More than one could be meant: the person chooses (at most `maksPilihan`).
        case beberapa([Desa])
        case tidakAda
    }

    public static let maksPilihan = 8
    private let desa: [(Desa, kunci: String)]

    public init(_ desa: [Desa]) {
        self.desa = desa.map { ($0, Self.kunci($0.nama)) }
    }

    /// Lower case letters and digits only, without the words that name the kind of place.
    static func kunci(_ s: String) -> String {
        var t = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        for awalan in ["desa ", "ds ", "ds. ", "kelurahan ", "kel ", "kel. "] where t.hasPrefix(awalan) {
            t.removeFirst(awalan.count)
        }
        return String(t.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
    }

    public func cari(_ teks: String) -> Hasil {
        let k = Self.kunci(teks)
        guard k.count >= 3 else { return .tidakAda }
        let persis = desa.filter { $0.kunci == k }.map(\.0)
        if persis.count == 1 { return .satu(persis[0]) }
        if persis.count > 1 { return .beberapa(Array(persis.prefix(Self.maksPilihan))) }
        // A typo costs one edit per five letters, at most two; a start of a name counts too.
        let batas = min(2, k.count / 5)
        let dekat = desa.compactMap { d, kunci -> (Desa, Int)? in
            if kunci.hasPrefix(k) && k.count >= 4 { return (d, 1) }
            let jarak = Self.jarak(k, kunci, batas: batas)
            return jarak <= batas ? (d, jarak) : nil
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.nama < $1.0.nama }
        guard let terbaik = dekat.first else { return .tidakAda }
        let setara = dekat.filter { $0.1 == terbaik.1 }
        return setara.count == 1 ? .satu(terbaik.0) : .beberapa(Array(setara.prefix(Self.maksPilihan).map(\.0)))
    }

    /// Levenshtein distance, given up beyond `batas` (then `batas + 1`).
    static func jarak(_ a: String, _ b: String, batas: Int) -> Int {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard abs(x.count - y.count) <= batas else { return batas + 1 }
        var baris = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var sebelum = baris[0]
            baris[0] = i
            var terkecil = baris[0]
            for j in stride(from: 1, through: y.count, by: 1) {
                let simpan = baris[j]
                baris[j] = min(baris[j] + 1, baris[j - 1] + 1, sebelum + (x[i - 1] == y[j - 1] ? 0 : 1))
                sebelum = simpan
                terkecil = min(terkecil, baris[j])
            }
            if terkecil > batas { return batas + 1 }
        }
        return x.isEmpty ? y.count : baris[y.count]
    }
}

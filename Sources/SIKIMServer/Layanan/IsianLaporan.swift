import Foundation
import SIKIMCore

/// Raw laporan fields from a form or JSON. Answers arrive as `jawaban` (JSON: text or list per
/// question) or, from a form, as fields `jawaban_<kode>`.
struct IsianLaporan: Codable, Sendable {
    var kategori: String?
    var judul: String?
    var isi: String?
    var kodeWilayah: String?
    var lat: String?
    var lon: String?
    var alamat: String?
    var waktuKejadian: String?
    var sumber: String?
    var kerahasiaan: String?
    var jawaban: [String: [String]]?
    /// The promises of photos sent as previews (`FotoMenyusul.janji`), from a form only.
    var fotoMenyusul: [String]?

    enum CodingKeys: String, CodingKey {
        case kategori, judul, isi, lat, lon, alamat, sumber, kerahasiaan, jawaban
        case kodeWilayah = "kode_wilayah", waktuKejadian = "waktu_kejadian", fotoMenyusul = "foto_menyusul"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kategori = try c.decodeIfPresent(String.self, forKey: .kategori)
        judul = try c.decodeIfPresent(String.self, forKey: .judul)
        isi = try c.decodeIfPresent(String.self, forKey: .isi)
        kodeWilayah = try c.decodeIfPresent(String.self, forKey: .kodeWilayah)
        lat = try c.teksAtauDesimal(.lat)
        lon = try c.teksAtauDesimal(.lon)
        alamat = try c.decodeIfPresent(String.self, forKey: .alamat)
        waktuKejadian = try c.decodeIfPresent(String.self, forKey: .waktuKejadian)
        sumber = try c.decodeIfPresent(String.self, forKey: .sumber)
        kerahasiaan = try c.decodeIfPresent(String.self, forKey: .kerahasiaan)
        if let j = try? c.decodeIfPresent([String: JawabanJSON].self, forKey: .jawaban) { jawaban = j.mapValues(\.nilai) }
    }

    /// What a submission sent, as one hash: its fields in a fixed order and its photos' bytes.
    func sidik(foto: [FotoMasuk]) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        var isi = (try? enc.encode(self)) ?? Data()
        for f in foto { isi.append(contentsOf: Sidik.sha256(f.bytes).utf8) }
        return Sidik.sha256(isi)
    }

    /// A JSON answer: one text or a list of texts.
    struct JawabanJSON: Decodable {
        let nilai: [String]
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { nilai = [s] }
            else if let n = try? c.decode(Double.self) { nilai = [String(n)] }
            else { nilai = try c.decode([String].self) }
        }
    }

    /// "2026-03-17T10:30" (a form's datetime-local, read as WIB) or ISO 8601 with an offset.
    static func waktu(_ s: String?) throws -> Date? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        if let d = ISO8601DateFormatter().date(from: s) { return d }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TanggalIndonesia.wib
        for pola in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"] {
            f.dateFormat = pola
            if let d = f.date(from: s) { return d }
        }
        throw KesalahanIsian("waktu_kejadian", "Waktu kejadian tidak dapat dibaca; gunakan format TTTT-BB-HHTjj:mm.")
    }
}

extension KeyedDecodingContainer {
    func teksAtauDesimal(_ k: Key) throws -> String? {
        if let n = try? decodeIfPresent(Double.self, forKey: k) { return String(n) }
        return try decodeIfPresent(String.self, forKey: k)
    }
}

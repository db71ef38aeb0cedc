import FluentKit
import FluentSQL
import Foundation
import SIKIMCore
import SQLKit

/// What an answer about a laporan reads from its row: the Fluent model for single laporan,
/// `BarisLaporan` for lists.
package protocol DataLaporan {
    var id: UUID? { get }
    var nomor: String { get }
    var judul: String { get }
    var isi: String { get }
    var kodeKategori: String { get }
    var kodeWilayah: String { get }
    var kimID: UUID? { get }
    var pelaporID: UUID { get }
    var namaPelapor: String { get }
    var namaKim: String? { get }
    var lat: Double? { get }
    var lon: Double? { get }
    var alamat: String? { get }
    var waktuKejadian: Date? { get }
    var sumber: String { get }
    var kerahasiaan: String { get }
    var jawabanJSON: String { get }
    var status: String { get }
    var dipublikasikan: Bool { get }
    var hasil: String? { get }
    var dibuatPada: Date { get }
    var diteruskanPada: Date? { get }
    var versi: Int { get }
    var kanal: String? { get }
    var ditulisPada: Date? { get }
    var nomorPengirim: String? { get }
}

extension DataLaporan {
    package var statusLaporan: StatusLaporan { StatusLaporan(rawValue: status) ?? .masuk }
    package var rahasia: Kerahasiaan { Kerahasiaan(rawValue: kerahasiaan) ?? .rahasia }
    package var wilayah: KodeWilayah { KodeWilayah(kodeWilayah)! }
    package var jawaban: [String: [String]] {
        // Most laporan answer no category questions: skip the decoder for them.
        jawabanJSON == "{}" ? [:] : (try? JSONDecoder().decode([String: [String]].self, from: Data(jawabanJSON.utf8))) ?? [:]
    }
}

/// One OPD a laporan was forwarded to, and whether it has responded.
package struct OPDLaporan: Equatable, Sendable {
    package let kode: String
    package let ditanggapi: Bool

    package init(kode: String, ditanggapi: Bool) { (self.kode, self.ditanggapi) = (kode, ditanggapi) }
}

/// A laporan row read straight from SQL, with its OPD and photos, for lists and answers: a
/// Fluent model costs two dozen property objects and a generic decode per field, which was
/// most of a list's time.
package struct BarisLaporan: DataLaporan, Sendable {
    package let id: UUID?
    package let nomor, judul, isi, kodeKategori, kodeWilayah: String
    package let kimID: UUID?
    package let pelaporID: UUID
    package let namaPelapor: String
    package let namaKim: String?
    package let lat, lon: Double?
    package let alamat: String?
    package let waktuKejadian: Date?
    package let sumber, kerahasiaan, jawabanJSON, status: String
    package let dipublikasikan: Bool
    package let hasil: String?
    package let dibuatPada: Date
    package let diteruskanPada: Date?
    package let versi: Int
    package let kanal: String?
    package let ditulisPada: Date?
    package let nomorPengirim: String?
    /// Sorted by code.
    package let opd: [OPDLaporan]
    package let foto: [UUID]

    /// The laporan a Fluent query selects, read as plain rows. Selects `laporan.*`: naming and
    /// aliasing 25 columns one by one cost SQLKit as much as running the query. Each row's OPD
    /// and photo ids come along as lists folded by the database (one query, not three; OPD
    /// codes are letters, digits and hyphens, so `,` and `:` separate safely).
    package static func semua(_ q: QueryBuilder<LaporanModel>) async throws -> [BarisLaporan] {
        var query = q.query
        query.fields = [.custom(SQLColumn(SQLLiteral.all, table: SQLIdentifier(LaporanModel.schema))), .custom(Self.lampiran)]
        return try await q.database.baris(ekspresi: SQLQueryConverter(delegate: TanpaTipeKhusus()).convert(query), BarisLaporan.init)
    }

    private static let lampiran = SQLRaw("""
        (SELECT string_agg(o.kode_opd || ':' || CASE WHEN o.ditanggapi_pada IS NULL THEN '0' ELSE '1' END, ',')
          FROM laporan_opd o WHERE o.laporan_id = laporan.id) AS opd_ringkas,
        (SELECT string_agg(CAST(f.id AS TEXT), ',') FROM laporan_foto f WHERE f.laporan_id = laporan.id) AS foto_ringkas
        """)

    /// A select needs no driver-specific column types.
    private struct TanpaTipeKhusus: SQLConverterDelegate {
        package func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
    }

    /// From a row of `laporan.*` and the folded OPD and photos.
    package init(_ r: Baris) throws {
        id = try r.decode(column: "id", as: UUID.self)
        (nomor, judul, isi) = (try r.decode(column: "nomor"), try r.decode(column: "judul"), try r.decode(column: "isi"))
        (kodeKategori, kodeWilayah, kimID) = (try r.decode(column: "kode_kategori"), try r.decode(column: "kode_wilayah"), try r.decode(column: "kim_id"))
        (pelaporID, namaPelapor, namaKim) = (try r.decode(column: "pelapor_id"), try r.decode(column: "nama_pelapor"), try r.decode(column: "nama_kim"))
        (lat, lon, alamat) = (try r.decode(column: "lat"), try r.decode(column: "lon"), try r.decode(column: "alamat"))
        waktuKejadian = try r.decode(column: "waktu_kejadian")
        (sumber, kerahasiaan, jawabanJSON) = (try r.decode(column: "sumber"), try r.decode(column: "kerahasiaan"), try r.decode(column: "jawaban"))
        (status, dipublikasikan, hasil) = (try r.decode(column: "status"), try r.decode(column: "dipublikasikan"), try r.decode(column: "hasil"))
        (dibuatPada, diteruskanPada, versi) = (try r.decode(column: "dibuat_pada"), try r.decode(column: "diteruskan_pada"), try r.decode(column: "versi"))
        (kanal, ditulisPada) = (try r.decode(column: "kanal"), try r.decode(column: "ditulis_pada"))
        nomorPengirim = try r.decode(column: "nomor_pengirim")
        opd = (try r.decode(column: "opd_ringkas", as: String?.self) ?? "").split(separator: ",")
            .map { OPDLaporan(kode: String($0.dropLast(2)), ditanggapi: $0.hasSuffix(":1")) }.sorted { $0.kode < $1.kode }
        foto = (try r.decode(column: "foto_ringkas", as: String?.self) ?? "").split(separator: ",").compactMap { UUID(teks: $0) }
    }
}

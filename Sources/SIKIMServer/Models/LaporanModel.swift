import Fluent
import FluentSQL
import SQLKit
import Foundation
import SIKIMCore

/// A category of information (admin-editable); its questions are stored as JSON.
final class KategoriModel: Model, @unchecked Sendable {
    static let schema = "kategori"

    @ID(custom: "kode", generatedBy: .user) var id: String?
    @Field(key: "nama") var nama: String
    @Field(key: "kode_opd") var kodeOPD: String
    @Field(key: "sensitif") var sensitif: Bool
    @Field(key: "pertanyaan") var pertanyaanJSON: String
    @Field(key: "aktif") var aktif: Bool

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $nama, $kodeOPD, $sensitif, $pertanyaanJSON, $aktif] }

    init(kode: String, nama: String, opd: String, sensitif: Bool, pertanyaan: [Pertanyaan]) {
        id = kode
        self.nama = nama
        kodeOPD = opd
        self.sensitif = sensitif
        pertanyaanJSON = String(decoding: (try? JSONEncoder().encode(pertanyaan)) ?? Data("[]".utf8), as: UTF8.self)
        aktif = true
    }

    var pertanyaan: [Pertanyaan] { (try? JSONDecoder().decode([Pertanyaan].self, from: Data(pertanyaanJSON.utf8))) ?? [] }
}

final class LaporanModel: SisipanCepat, Berversi, @unchecked Sendable {
    static let schema = "laporan"

    @ID(key: .id) var id: UUID?
    @Field(key: "nomor") var nomor: String
    @Field(key: "judul") var judul: String
    @Field(key: "isi") var isi: String
    @Field(key: "kode_kategori") var kodeKategori: String
    @Field(key: "kode_wilayah") var kodeWilayah: String
    @OptionalField(key: "kim_id") var kimID: UUID?
    @Field(key: "pelapor_id") var pelaporID: UUID
    @Field(key: "nama_pelapor") var namaPelapor: String
    @OptionalField(key: "nama_kim") var namaKim: String?
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lon") var lon: Double?
    @OptionalField(key: "alamat") var alamat: String?
    @OptionalField(key: "waktu_kejadian") var waktuKejadian: Date?
    @Field(key: "sumber") var sumber: String
    @Field(key: "kerahasiaan") var kerahasiaan: String
    @Field(key: "jawaban") var jawabanJSON: String
    @Field(key: "status") var status: String
    @Field(key: "dipublikasikan") var dipublikasikan: Bool
    @OptionalField(key: "konfirmasi_pertama") var konfirmasiPertama: UUID?
    @OptionalField(key: "hasil") var hasil: String?
    @OptionalField(key: "kunci_idempotensi") var kunciIdempotensi: String?
    @Field(key: "dibuat_pada") var dibuatPada: Date
    @OptionalField(key: "diteruskan_pada") var diteruskanPada: Date?
    @Field(key: "diubah_pada") var diubahPada: Date
    /// Counts its changes: each is conditional on the version it was decided from (`Berversi`).
    @Field(key: "versi") var versi: Int
    /// SHA-256 of what a submission with an idempotency key sent, so a reused key with other
    /// content is refused rather than answered with this laporan.
    @OptionalField(key: "sidik_permintaan") var sidikPermintaan: String?

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $nomor, $judul, $isi, $kodeKategori, $kodeWilayah, $kimID, $pelaporID, $namaPelapor, $namaKim, $lat, $lon, $alamat, $waktuKejadian, $sumber, $kerahasiaan, $jawabanJSON, $status, $dipublikasikan, $konfirmasiPertama, $hasil, $kunciIdempotensi, $dibuatPada, $diteruskanPada, $diubahPada, $versi, $sidikPermintaan] }
}

/// What an answer about a laporan reads from its row: the Fluent model for single laporan,
/// `BarisLaporan` for lists.
protocol DataLaporan {
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
}

extension DataLaporan {
    var statusLaporan: StatusLaporan { StatusLaporan(rawValue: status) ?? .masuk }
    var rahasia: Kerahasiaan { Kerahasiaan(rawValue: kerahasiaan) ?? .rahasia }
    var wilayah: KodeWilayah { KodeWilayah(kodeWilayah)! }
    var jawaban: [String: [String]] {
        // Most laporan answer no category questions: skip the decoder for them.
        jawabanJSON == "{}" ? [:] : (try? JSONDecoder().decode([String: [String]].self, from: Data(jawabanJSON.utf8))) ?? [:]
    }
}

extension LaporanModel: DataLaporan {}

/// One OPD a laporan was forwarded to, and whether it has responded.
struct OPDLaporan: Equatable, Sendable {
    let kode: String
    let ditanggapi: Bool
}

/// A laporan row read straight from SQL, with its OPD and photos, for lists and answers: a
/// Fluent model costs two dozen property objects and a generic decode per field, which was
/// most of a list's time.
struct BarisLaporan: DataLaporan, Sendable {
    let id: UUID?
    let nomor, judul, isi, kodeKategori, kodeWilayah: String
    let kimID: UUID?
    let pelaporID: UUID
    let namaPelapor: String
    let namaKim: String?
    let lat, lon: Double?
    let alamat: String?
    let waktuKejadian: Date?
    let sumber, kerahasiaan, jawabanJSON, status: String
    let dipublikasikan: Bool
    let hasil: String?
    let dibuatPada: Date
    let diteruskanPada: Date?
    let versi: Int
    /// Sorted by code.
    let opd: [OPDLaporan]
    let foto: [UUID]

    /// The laporan a Fluent query selects, read as plain rows. Selects `laporan.*`: naming and
    /// aliasing 25 columns one by one cost SQLKit as much as running the query. Each row's OPD
    /// and photo ids come along as lists folded by the database (one query, not three; OPD
    /// codes are letters, digits and hyphens, so `,` and `:` separate safely).
    static func semua(_ q: QueryBuilder<LaporanModel>) async throws -> [BarisLaporan] {
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
        func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
    }

    /// From a row of `laporan.*` and the folded OPD and photos.
    init(_ r: Baris) throws {
        id = try r.decode(column: "id", as: UUID.self)
        (nomor, judul, isi) = (try r.decode(column: "nomor"), try r.decode(column: "judul"), try r.decode(column: "isi"))
        (kodeKategori, kodeWilayah, kimID) = (try r.decode(column: "kode_kategori"), try r.decode(column: "kode_wilayah"), try r.decode(column: "kim_id"))
        (pelaporID, namaPelapor, namaKim) = (try r.decode(column: "pelapor_id"), try r.decode(column: "nama_pelapor"), try r.decode(column: "nama_kim"))
        (lat, lon, alamat) = (try r.decode(column: "lat"), try r.decode(column: "lon"), try r.decode(column: "alamat"))
        waktuKejadian = try r.decode(column: "waktu_kejadian")
        (sumber, kerahasiaan, jawabanJSON) = (try r.decode(column: "sumber"), try r.decode(column: "kerahasiaan"), try r.decode(column: "jawaban"))
        (status, dipublikasikan, hasil) = (try r.decode(column: "status"), try r.decode(column: "dipublikasikan"), try r.decode(column: "hasil"))
        (dibuatPada, diteruskanPada, versi) = (try r.decode(column: "dibuat_pada"), try r.decode(column: "diteruskan_pada"), try r.decode(column: "versi"))
        opd = (try r.decode(column: "opd_ringkas", as: String?.self) ?? "").split(separator: ",")
            .map { OPDLaporan(kode: String($0.dropLast(2)), ditanggapi: $0.hasSuffix(":1")) }.sorted { $0.kode < $1.kode }
        foto = (try r.decode(column: "foto_ringkas", as: String?.self) ?? "").split(separator: ",").compactMap { UUID(teks: $0) }
    }
}

/// A laporan forwarded to one OPD, with the instruction and when the OPD responded.
final class LaporanOPDModel: Model, @unchecked Sendable {
    static let schema = "laporan_opd"

    @ID(key: .id) var id: UUID?
    @Parent(key: "laporan_id") var laporan: LaporanModel
    @Field(key: "kode_opd") var kodeOPD: String
    @Field(key: "instruksi") var instruksi: String
    @Field(key: "diteruskan_pada") var diteruskanPada: Date
    @OptionalField(key: "ditanggapi_pada") var ditanggapiPada: Date?

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $laporan, $kodeOPD, $instruksi, $diteruskanPada, $ditanggapiPada] }
}

final class FotoLaporanModel: Model, @unchecked Sendable {
    static let schema = "laporan_foto"

    @ID(key: .id) var id: UUID?
    @Parent(key: "laporan_id") var laporan: LaporanModel
    @Field(key: "berkas") var berkas: String
    @Field(key: "tipe_mime") var tipeMime: String
    @Field(key: "ukuran") var ukuran: Int
    @Field(key: "sha256") var sha256: String

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $laporan, $berkas, $tipeMime, $ukuran, $sha256] }
}

/// One event of a laporan's audit trail, hash-chained to the one before it.
final class PeristiwaLaporanModel: SisipanCepat, @unchecked Sendable {
    static let schema = "laporan_peristiwa"

    @ID(key: .id) var id: UUID?
    @Parent(key: "laporan_id") var laporan: LaporanModel
    @Field(key: "urutan") var urutan: Int
    @Field(key: "aksi") var aksi: String
    @Field(key: "dari") var dari: String
    @Field(key: "ke") var ke: String
    @OptionalField(key: "catatan") var catatan: String?
    @Field(key: "data") var data: String
    @Field(key: "pengguna_id") var penggunaID: UUID
    @Field(key: "nama_pengguna") var namaPengguna: String
    @Field(key: "peran") var peran: String
    @Field(key: "waktu") var waktu: Date
    @Field(key: "hash_sebelum") var hashSebelum: String
    @Field(key: "hash") var hash: String

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $laporan, $urutan, $aksi, $dari, $ke, $catatan, $data, $penggunaID, $namaPengguna, $peran, $waktu, $hashSebelum, $hash] }

    /// The content the hash covers: every field that tells what happened.
    var isiKanonik: String {
        [String(urutan), aksi, dari, ke, catatan ?? "", data, penggunaID.uuidString, namaPengguna, peran,
         String(Int64((waktu.timeIntervalSince1970 * 1000).rounded()))].joined(separator: "\u{1F}")
    }
}

/// A file attached to an action: verification evidence or an OPD's follow-up document.
final class LampiranLaporanModel: Model, @unchecked Sendable {
    static let schema = "laporan_lampiran"

    @ID(key: .id) var id: UUID?
    @Parent(key: "laporan_id") var laporan: LaporanModel
    @Parent(key: "peristiwa_id") var peristiwa: PeristiwaLaporanModel
    @Field(key: "nama_asli") var namaAsli: String
    @Field(key: "berkas") var berkas: String
    @Field(key: "tipe_mime") var tipeMime: String
    @Field(key: "ukuran") var ukuran: Int
    @Field(key: "sha256") var sha256: String

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $laporan, $peristiwa, $namaAsli, $berkas, $tipeMime, $ukuran, $sha256] }
}

/// A national holiday or cuti bersama (admin may add or remove dates).
final class HariLiburModel: Model, @unchecked Sendable {
    static let schema = "hari_libur"

    @ID(custom: "tanggal", generatedBy: .user) var id: String?
    @Field(key: "jenis") var jenis: String
    @Field(key: "nama") var nama: String

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $jenis, $nama] }

    init(tanggal: String, jenis: String, nama: String) {
        id = tanggal
        self.jenis = jenis
        self.nama = nama
    }
}

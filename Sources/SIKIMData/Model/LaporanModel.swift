import FluentKit
import FluentSQL
import SQLKit
import Foundation
import SIKIMCore

// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class LaporanModel: SisipanCepat, Berversi, @unchecked Sendable {
    package static let schema = "laporan"

    @ID(key: .id) package var id: UUID?
    @Field(key: "nomor") package var nomor: String
    @Field(key: "judul") package var judul: String
    @Field(key: "isi") package var isi: String
    @Field(key: "kode_kategori") package var kodeKategori: String
    @Field(key: "kode_wilayah") package var kodeWilayah: String
    @OptionalField(key: "kim_id") package var kimID: UUID?
    @Field(key: "pelapor_id") package var pelaporID: UUID
    @Field(key: "nama_pelapor") package var namaPelapor: String
    @OptionalField(key: "nama_kim") package var namaKim: String?
    @OptionalField(key: "lat") package var lat: Double?
    @OptionalField(key: "lon") package var lon: Double?
    @OptionalField(key: "alamat") package var alamat: String?
    @OptionalField(key: "waktu_kejadian") package var waktuKejadian: Date?
    @Field(key: "sumber") package var sumber: String
    @Field(key: "kerahasiaan") package var kerahasiaan: String
    @Field(key: "jawaban") package var jawabanJSON: String
    @Field(key: "status") package var status: String
    @Field(key: "dipublikasikan") package var dipublikasikan: Bool
    @OptionalField(key: "konfirmasi_pertama") package var konfirmasiPertama: UUID?
    @OptionalField(key: "hasil") package var hasil: String?
    @OptionalField(key: "kunci_idempotensi") package var kunciIdempotensi: String?
    /// `KanalLaporan`; nil for laporan stored before it was recorded.
    @OptionalField(key: "kanal") package var kanal: String?
    @OptionalField(key: "ditulis_pada") package var ditulisPada: Date?
    /// The number a chat laporan came from (`+62…`): staff only, and where its updates go.
    @OptionalField(key: "nomor_pengirim") package var nomorPengirim: String?
    @Field(key: "dibuat_pada") package var dibuatPada: Date
    @OptionalField(key: "diteruskan_pada") package var diteruskanPada: Date?
    @Field(key: "diubah_pada") package var diubahPada: Date
    /// Counts its changes: each is conditional on the version it was decided from (`Berversi`).
    @Field(key: "versi") package var versi: Int
    /// SHA-256 of what a submission with an idempotency key sent, so a reused key with other
    /// content is refused rather than answered with this laporan.
    @OptionalField(key: "sidik_permintaan") package var sidikPermintaan: String?

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $nomor, $judul, $isi, $kodeKategori, $kodeWilayah, $kimID, $pelaporID, $namaPelapor, $namaKim, $lat, $lon, $alamat, $waktuKejadian, $sumber, $kerahasiaan, $jawabanJSON, $status, $dipublikasikan, $konfirmasiPertama, $hasil, $kunciIdempotensi, $kanal, $ditulisPada, $nomorPengirim, $dibuatPada, $diteruskanPada, $diubahPada, $versi, $sidikPermintaan] }
}

extension LaporanModel: DataLaporan {}

/// A laporan forwarded to one OPD, with the instruction and when the OPD responded.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class LaporanOPDModel: Model, @unchecked Sendable {
    package static let schema = "laporan_opd"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "laporan_id") package var laporan: LaporanModel
    @Field(key: "kode_opd") package var kodeOPD: String
    @Field(key: "instruksi") package var instruksi: String
    @Field(key: "diteruskan_pada") package var diteruskanPada: Date
    @OptionalField(key: "ditanggapi_pada") package var ditanggapiPada: Date?

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $laporan, $kodeOPD, $instruksi, $diteruskanPada, $ditanggapiPada] }
}

// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class FotoLaporanModel: Model, @unchecked Sendable {
    package static let schema = "laporan_foto"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "laporan_id") package var laporan: LaporanModel
    @Field(key: "berkas") package var berkas: String
    @Field(key: "tipe_mime") package var tipeMime: String
    @Field(key: "ukuran") package var ukuran: Int
    @Field(key: "sha256") package var sha256: String
    /// A preview's promise: the SHA-256 of the full photo that follows (`FotoMenyusul`); none
    /// once it arrived, or for a photo sent in full.
    @OptionalField(key: "sha256_penuh") package var sha256Penuh: String?

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $laporan, $berkas, $tipeMime, $ukuran, $sha256, $sha256Penuh] }
}

/// One event of a laporan's audit trail, hash-chained to the one before it.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PeristiwaLaporanModel: SisipanCepat, @unchecked Sendable {
    package static let schema = "laporan_peristiwa"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "laporan_id") package var laporan: LaporanModel
    @Field(key: "urutan") package var urutan: Int
    @Field(key: "aksi") package var aksi: String
    @Field(key: "dari") package var dari: String
    @Field(key: "ke") package var ke: String
    @OptionalField(key: "catatan") package var catatan: String?
    @Field(key: "data") package var data: String
    @Field(key: "pengguna_id") package var penggunaID: UUID
    @Field(key: "nama_pengguna") package var namaPengguna: String
    @Field(key: "peran") package var peran: String
    @Field(key: "waktu") package var waktu: Date
    @Field(key: "hash_sebelum") package var hashSebelum: String
    @Field(key: "hash") package var hash: String

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $laporan, $urutan, $aksi, $dari, $ke, $catatan, $data, $penggunaID, $namaPengguna, $peran, $waktu, $hashSebelum, $hash] }

    /// The content the hash covers: every field that tells what happened.
    package var isiKanonik: String {
        [String(urutan), aksi, dari, ke, catatan ?? "", data, penggunaID.uuidString, namaPengguna, peran,
         String(Int64((waktu.timeIntervalSince1970 * 1000).rounded()))].joined(separator: "\u{1F}")
    }
}

/// A file attached to an action: verification evidence or an OPD's follow-up document.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class LampiranLaporanModel: Model, @unchecked Sendable {
    package static let schema = "laporan_lampiran"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "laporan_id") package var laporan: LaporanModel
    @Parent(key: "peristiwa_id") package var peristiwa: PeristiwaLaporanModel
    @Field(key: "nama_asli") package var namaAsli: String
    @Field(key: "berkas") package var berkas: String
    @Field(key: "tipe_mime") package var tipeMime: String
    @Field(key: "ukuran") package var ukuran: Int
    @Field(key: "sha256") package var sha256: String

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $laporan, $peristiwa, $namaAsli, $berkas, $tipeMime, $ukuran, $sha256] }
}


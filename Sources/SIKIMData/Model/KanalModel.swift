import FluentKit
import Foundation
import SIKIMCore

/// One message that came in over a chat channel (issue 21). Its gateway id is unique per
/// channel: a redelivered webhook finds its row and changes nothing. A citizen's message stays
/// here as the verifikator's triage item.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PesanKanalModel: Berversi, @unchecked Sendable {
    package static let schema = "kanal_pesan"

    @ID(key: .id) package var id: UUID?
    @Field(key: "kanal") package var kanal: String
    @Field(key: "id_luar") package var idLuar: String
    /// `+62…`: personal data, for Diskominfosatik staff only.
    @Field(key: "pengirim") package var pengirim: String
    @Field(key: "jenis") package var jenis: String
    @Field(key: "teks") package var teks: String
    @OptionalField(key: "media") package var media: String?
    /// The photo as stored, once fetched from the gateway.
    @OptionalField(key: "berkas") package var berkas: String?
    @OptionalField(key: "tipe_mime") package var tipeMime: String?
    @OptionalField(key: "lat") package var lat: Double?
    @OptionalField(key: "lon") package var lon: Double?
    /// `StatusPesanKanal`.
    @Field(key: "status") package var status: String
    @OptionalField(key: "alasan") package var alasan: String?
    @OptionalField(key: "laporan_id") package var laporanID: UUID?
    @OptionalField(key: "ditangani_oleh") package var ditanganiOleh: UUID?
    @Field(key: "diterima_pada") package var diterimaPada: Date
    @Field(key: "versi") package var versi: Int

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] {
        [$id, $kanal, $idLuar, $pengirim, $jenis, $teks, $media, $berkas, $tipeMime, $lat, $lon, $status, $alasan, $laporanID,
         $ditanganiOleh, $diterimaPada, $versi]
    }

    package var alamat: AlamatKanal? { JenisKanal(rawValue: kanal).flatMap { AlamatKanal(kanal: $0, nomor: pengirim) } }
}

/// Where a message that came in stands.
package enum StatusPesanKanal: String, Sendable {
    /// Stored, not yet acted on (a crash in between: the background pass finishes it).
    case diterima
    /// Acted on: a step of a conversation, a command.
    case diproses
    /// A citizen's message waiting for the verifikator.
    case triase
    /// Turned into a laporan by a verifikator.
    case dijadikan
    /// Dismissed by a verifikator, with a reason.
    case diabaikan
}

/// Someone's chat with SIKIM on one channel: where their guided report stands, and when they
/// last wrote (WhatsApp's 24-hour window).
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PercakapanKanalModel: Berversi, @unchecked Sendable {
    package static let schema = "kanal_percakapan"

    @ID(key: .id) package var id: UUID?
    /// `AlamatKanal.teks`.
    @Field(key: "alamat") package var alamat: String
    /// `Percakapan` as JSON; nil when none is under way.
    @OptionalField(key: "keadaan") package var keadaan: String?
    @Field(key: "pesan_terakhir") package var pesanTerakhir: Date
    @Field(key: "versi") package var versi: Int

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $alamat, $keadaan, $pesanTerakhir, $versi] }
}

/// One outbound chat message: queued in the transaction of what it tells, sent by the
/// background sender. Its `kunci` is unique: what causes a message twice queues it once.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class KirimanKanalModel: Berversi, @unchecked Sendable {
    package static let schema = "kanal_kiriman"

    @ID(key: .id) package var id: UUID?
    @Field(key: "kunci") package var kunci: String
    @Field(key: "kanal") package var kanal: String
    /// `+62…`: personal data, for Diskominfosatik staff only.
    @Field(key: "penerima") package var penerima: String
    @Field(key: "isi") package var isi: String
    /// Choices offered (JSON `[[id, judul]]`), drawn as buttons or a list on WhatsApp.
    @OptionalField(key: "pilihan") package var pilihan: String?
    /// `StatusKirimanKanal`.
    @Field(key: "status") package var status: String
    @Field(key: "percobaan") package var percobaan: Int
    @OptionalField(key: "galat") package var galat: String?
    @Field(key: "berikutnya") package var berikutnya: Date
    @Field(key: "dibuat_pada") package var dibuatPada: Date
    @OptionalField(key: "dikirim_pada") package var dikirimPada: Date?
    /// The gateway's id for what it sent, or the template's name when one was used.
    @OptionalField(key: "id_luar") package var idLuar: String?
    @Field(key: "versi") package var versi: Int

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] {
        [$id, $kunci, $kanal, $penerima, $isi, $pilihan, $status, $percobaan, $galat, $berikutnya, $dibuatPada, $dikirimPada, $idLuar, $versi]
    }
}

package enum StatusKirimanKanal: String, CaseIterable, Sendable {
    case menunggu
    /// Taken by a sender. Found so after a restart, it may or may not have gone: it is not sent
    /// again by itself (`tidakPasti`), staff decide.
    case mengirim
    case terkirim
    case gagal
    case tidakPasti = "tidak_pasti"

    package var label: String {
        switch self {
        case .menunggu: "Menunggu"
        case .mengirim: "Sedang dikirim"
        case .terkirim: "Terkirim"
        case .gagal: "Gagal"
        case .tidakPasti: "Tidak pasti (terputus saat dikirim)"
        }
    }
}

/// A phone number tied to an account: first with a code the web app shows (pending), then
/// confirmed when that code is sent from the number. One account per number.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class NomorKanalModel: Berversi, @unchecked Sendable {
    package static let schema = "kanal_nomor"

    @ID(key: .id) package var id: UUID?
    @Field(key: "nomor") package var nomor: String
    @Field(key: "pengguna_id") package var penggunaID: UUID
    /// SHA-256 of the pending code.
    @OptionalField(key: "kode") package var kode: String?
    @OptionalField(key: "kode_berlaku") package var kodeBerlaku: Date?
    /// Wrong codes sent back since the pending one was made (`AturanNomorKanal.maksSalah`).
    @Field(key: "salah") package var salah: Int
    @OptionalField(key: "dikonfirmasi_pada") package var dikonfirmasiPada: Date?
    /// The channel the code came back on: where this number is written to.
    @OptionalField(key: "kanal") package var kanal: String?
    @Field(key: "dibuat_pada") package var dibuatPada: Date
    @Field(key: "versi") package var versi: Int

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $nomor, $penggunaID, $kode, $kodeBerlaku, $salah, $dikonfirmasiPada, $kanal, $dibuatPada, $versi] }

    package var alamat: AlamatKanal? { kanal.flatMap(JenisKanal.init(rawValue:)).flatMap { AlamatKanal(kanal: $0, nomor: nomor) } }
}

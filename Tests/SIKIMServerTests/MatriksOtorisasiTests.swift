import SIKIMData
import Fluent
import Foundation
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Every registered route × every role × an object in the role's own area and one in another
/// area (for an OPD: a laporan forwarded to it and one not). Whether the request reaches its
/// handler's work (anything but 401/403/404) must equal what the core policy allows, and no
/// answer may carry a reporter's name or a board member's phone number the role may not see.
///
/// The gate checked here is access to the object through the route; which transition a role
/// may make once there is the state machines' business (their own exhaustive tests).
final class MatriksOtorisasiTests: XCTestCase {
    enum Sisi: String, CaseIterable, Sendable { case milik, lain }

    /// Whether the policy lets an actor reach a route for an object side.
    typealias Aturan = @Sendable (Aktor?, Dunia, Sisi) -> Bool
    /// The concrete path of a route for an object side.
    typealias Jalur = @Sendable (Dunia, Sisi) -> String

    /// The objects: `milik` in kecamatan 36.04.05 (desa 2001), `lain` in 36.04.06.
    struct Dunia: Sendable {
        var kim: [Sisi: KimModel] = [:]
        var pengurus: [Sisi: PengurusModel] = [:]
        var pengurusHapus: [Sisi: PengurusModel] = [:]
        var akun: [Sisi: PenggunaModel] = [:]
        var token: [Sisi: UUID] = [:]
        var tokenAPI: [Sisi: UUID] = [:]
        var laporan: [Sisi: LaporanModel] = [:]
        var sasaran: [Sisi: SasaranLaporan] = [:]
        var foto: [Sisi: UUID] = [:]
        var lampiran: [Sisi: UUID] = [:]
        var dokumen: [Sisi: UUID] = [:]
        var kegiatan: [Sisi: (UUID, UUID)] = [:]
        var materi: [Sisi: UUID] = [:]
        var berkasMateri: [Sisi: UUID] = [:]
        var notifikasi: [Sisi: UUID] = [:]
        /// A citizen's WhatsApp message in triage (with a photo), a queued reply, and the
        /// pengurus's tied number (issue 21).
        var pesan: UUID?
        var kiriman: UUID?
        var nomor: UUID?
        /// A second one: the page and the API each remove one.
        var nomorLain: UUID?
        let wilayah: [Sisi: String] = [.milik: "36.04.05.2001", .lain: "36.04.06.2001"]
    }

    /// How one route is requested and what the policy says about it.
    struct Kasus: Sendable {
        /// The concrete path for an object side.
        let jalur: Jalur
        /// Whether the policy lets the actor reach it.
        let boleh: Aturan
        /// Form fields (web) or JSON (API) for writes.
        var badan: (@Sendable (Dunia, Sisi) -> String)?
        /// Routes without an object are requested once.
        var berobjek = true
        /// A reason this route is not judged by access (login itself).
        var lewati: String?
    }

    static let sandi = "sandiuji12345"
    static let peran: [(String, Peran?)] = [
        ("admin", .admin), ("verif", .verifikator), ("opkec", .operatorKecamatan), ("opdesa", .operatorDesa),
        ("pengurusa", .pengurusKim), ("dpmptsp", .opd), ("publik", nil),
    ]

    // MARK: The table

    static func b(_ t: @escaping @Sendable (Dunia, Sisi) -> Tindakan) -> Aturan {
        { a, d, s in Kebijakan.boleh(a, t(d, s)) }
    }
    static func selalu(_ t: Tindakan) -> Aturan { { a, _, _ in Kebijakan.boleh(a, t) } }
    static let siapaSaja: Aturan = { _, _, _ in true }
    static let masuk: Aturan = { a, _, _ in a != nil }
    static let lihatKim = b { d, s in .lihatKim(wilayah: d.kim[s]!.wilayah, kim: d.kim[s]!.id) }
    static let ubahKim = b { d, s in .ubahKim(wilayah: d.kim[s]!.wilayah, kim: d.kim[s]!.id) }
    /// A KIM's public view (`TampilanKim`): whole within scope, an active one for everyone.
    static let tampilKim: Aturan = { a, d, s in
        TampilanKim.untuk(a, kim: d.kim[s]!.id!, wilayah: d.kim[s]!.wilayah, status: d.kim[s]!.statusKim) != nil
    }
    static let lihatLaporan = b { d, s in .lihatLaporan(d.sasaran[s]!) }
    static let tanganiLaporan = b { d, s in .tanganiLaporan(d.sasaran[s]!) }
    static let lihatAkun = b { d, s in .lihatPengguna(try! d.akun[s]!.penugasan()) }
    static let kelolaAkun: Aturan = { a, d, s in lihatAkun(a, d, s) && Kebijakan.boleh(a, .kelolaPengguna) }
    static let tokenAkun: Aturan = { a, d, s in lihatAkun(a, d, s) && Kebijakan.boleh(a, .kelolaToken) }
    /// A materi is seen by whoever may read the KIM it was sent to.
    static let lihatMateri: Aturan = { a, d, s in
        Kebijakan.cakupanKim(a).cocok(wilayah: d.kim[s]!.wilayah, kim: d.kim[s]!.id)
    }

    /// Only the targeted KIM's own board reports how a materi was spread.
    static let laporMateri: Aturan = { a, d, s in lihatMateri(a, d, s) && a?.penugasan.kimID == d.kim[s]!.id }
    static let catatKegiatan: Aturan = { a, d, s in
        lihatKim(a, d, s) && AturanKegiatan.bolehMencatat(a, kim: d.kim[s]!.id!, statusKim: d.kim[s]!.statusKim)
    }

    static func tetap(_ p: String) -> Jalur { { _, _ in p } }
    static func kim(_ akhir: String = "") -> Jalur { { d, s in "/kim/\(d.kim[s]!.id!)\(akhir)" } }
    static func apiKim(_ akhir: String = "") -> Jalur { { d, s in "/api/v1/kim/\(d.kim[s]!.id!)\(akhir)" } }
    static func laporan(_ awal: String = "/laporan", _ akhir: String = "") -> Jalur {
        { d, s in "\(awal)/\(d.laporan[s]!.id!)\(akhir)" }
    }

    static let kasus: [String: Kasus] = {
        var k: [String: Kasus] = [:]
        func tanpaObjek(_ rute: String, _ boleh: @escaping Aturan, badan: String? = nil) {
            let jalur = String(rute.split(separator: " ")[1])
            let isi: Jalur? = badan.map { b in { @Sendable _, _ in b } }
            k[rute] = Kasus(jalur: tetap(jalur), boleh: boleh, badan: isi, berobjek: false)
        }
        // Public pages and documents
        for r in ["GET /", "GET /healthz", "GET /masuk", "GET /direktori", "GET /informasi", "GET /wilayah", "GET /opd",
                  "GET /api/openapi.json", "GET /api/docs", "GET /api/v1/wilayah", "GET /api/v1/opd", "GET /api/v1/kategori",
                  "GET /api/v1/kim", "GET /api/v1/laporan"] {
            tanpaObjek(r, siapaSaja)
        }
        k["POST /masuk"] = Kasus(jalur: tetap("/masuk"), boleh: siapaSaja, berobjek: false, lewati: "login: AutentikasiTests")
        k["POST /api/v1/token"] = Kasus(jalur: tetap("/api/v1/token"), boleh: siapaSaja, berobjek: false, lewati: "login: AutentikasiTests")
        k["POST /keluar"] = Kasus(jalur: tetap("/keluar"), boleh: siapaSaja, berobjek: false, lewati: "keluar: AutentikasiTests")
        k["GET /wilayah/:kode"] = Kasus(jalur: { d, s in "/wilayah/\(d.wilayah[s]!)" }, boleh: siapaSaja)
        k["GET /wilayah/:kode/batas"] = Kasus(jalur: { _, _ in "/wilayah/36.04.05.2001/batas" }, boleh: siapaSaja, berobjek: false)
        k["GET /api/v1/wilayah/:kode"] = Kasus(jalur: { d, s in "/api/v1/wilayah/\(d.wilayah[s]!)" }, boleh: siapaSaja)

        // Signed in
        for r in ["GET /akun", "GET /lanjutkan", "GET /laporan", "GET /laporan/terlambat", "GET /notifikasi", "GET /api/v1/saya", "GET /api/v1/saya/token"] {
            tanpaObjek(r, masuk)
        }
        tanpaObjek("POST /akun/kata-sandi", masuk, badan: "")
        tanpaObjek("POST /notifikasi/baca-semua", masuk, badan: "")
        k["GET /notifikasi/:notifikasi"] = Kasus(jalur: { d, s in "/notifikasi/\(d.notifikasi[s]!)" }, boleh: { a, _, s in a != nil && s == .milik })

        // OPD and settings
        tanpaObjek("POST /opd", selalu(.kelolaOPD), badan: "")
        k["POST /opd/:kode"] = Kasus(jalur: tetap("/opd/dpmptsp"), boleh: selalu(.kelolaOPD), badan: { _, _ in "" }, berobjek: false)
        tanpaObjek("POST /api/v1/opd", selalu(.kelolaOPD), badan: "{}")
        k["PATCH /api/v1/opd/:kode"] = Kasus(jalur: tetap("/api/v1/opd/dpmptsp"), boleh: selalu(.kelolaOPD), badan: { _, _ in "{}" }, berobjek: false)
        tanpaObjek("GET /pengaturan", selalu(.lihatPengaturan))
        for r in ["POST /pengaturan/hari-libur", "POST /pengaturan/webhook", "POST /pengaturan/ambang"] {
            tanpaObjek(r, selalu(.kelolaPengaturan), badan: "")
        }
        k["POST /pengaturan/hari-libur/:tanggal/hapus"] = Kasus(jalur: tetap("/pengaturan/hari-libur/2026-12-25/hapus"),
                                                               boleh: selalu(.kelolaPengaturan), badan: { _, _ in "" }, berobjek: false)
        k["POST /pengaturan/kategori/:kode"] = Kasus(jalur: tetap("/pengaturan/kategori/lingkungan"), boleh: selalu(.kelolaPengaturan),
                                                      badan: { _, _ in "" }, berobjek: false)

        // Users and tokens
        tanpaObjek("GET /pengguna", selalu(.lihatDaftarPengguna))
        tanpaObjek("GET /api/v1/pengguna", selalu(.lihatDaftarPengguna))
        tanpaObjek("GET /pengguna/baru", selalu(.kelolaPengguna))
        tanpaObjek("POST /pengguna", selalu(.kelolaPengguna), badan: "")
        tanpaObjek("POST /api/v1/pengguna", selalu(.kelolaPengguna), badan: "{}")
        let akun: (String) -> Jalur = { akhir in { d, s in "/pengguna/\(d.akun[s]!.id!)\(akhir)" } }
        let apiAkun: (String) -> Jalur = { akhir in { d, s in "/api/v1/pengguna/\(d.akun[s]!.id!)\(akhir)" } }
        k["GET /pengguna/:id"] = Kasus(jalur: akun(""), boleh: lihatAkun)
        k["GET /api/v1/pengguna/:id"] = Kasus(jalur: apiAkun(""), boleh: lihatAkun)
        k["POST /pengguna/:id"] = Kasus(jalur: akun(""), boleh: kelolaAkun, badan: { _, _ in "" })
        k["POST /pengguna/:id/status"] = Kasus(jalur: akun("/status"), boleh: kelolaAkun, badan: { _, _ in "aktif=1" })
        k["POST /pengguna/:id/kata-sandi"] = Kasus(jalur: akun("/kata-sandi"), boleh: kelolaAkun, badan: { _, _ in "" })
        k["POST /pengguna/:id/token"] = Kasus(jalur: akun("/token"), boleh: tokenAkun, badan: { _, _ in "" })
        k["PATCH /api/v1/pengguna/:id"] = Kasus(jalur: apiAkun(""), boleh: kelolaAkun, badan: { _, _ in "{}" })
        k["POST /api/v1/pengguna/:id/kata-sandi"] = Kasus(jalur: apiAkun("/kata-sandi"), boleh: kelolaAkun, badan: { _, _ in "{}" })
        k["GET /api/v1/pengguna/:id/token"] = Kasus(jalur: apiAkun("/token"), boleh: tokenAkun)
        k["POST /api/v1/pengguna/:id/token"] = Kasus(jalur: apiAkun("/token"), boleh: tokenAkun, badan: { _, _ in "{}" })
        let cabutToken = b { d, s in .cabutToken(pemilik: d.akun[s]!.id!) }
        k["POST /token/:token/cabut"] = Kasus(jalur: { d, s in "/token/\(d.token[s]!)/cabut" }, boleh: cabutToken, badan: { _, _ in "" })
        k["DELETE /api/v1/token/:token"] = Kasus(jalur: { d, s in "/api/v1/token/\(d.tokenAPI[s]!)" }, boleh: cabutToken)

        // KIM registry
        for r in ["GET /kim", "GET /kim/masa-bakti", "GET /kim/pembinaan", "GET /kim/ekspor.csv", "GET /kim/ekspor.xlsx", "GET /api/v1/kegiatan"] {
            tanpaObjek(r, selalu(.lihatDaftarKim))
        }
        tanpaObjek("GET /kim/baru", selalu(.bentukKim))
        tanpaObjek("POST /kim", selalu(.bentukKim), badan: "")
        tanpaObjek("POST /api/v1/kim", selalu(.bentukKim), badan: "{}")
        for r in ["GET /kim/impor", "GET /kim/impor/templat.csv"] { tanpaObjek(r, selalu(.imporKim)) }
        for r in ["POST /kim/impor", "POST /kim/impor/simpan"] { tanpaObjek(r, selalu(.imporKim), badan: "") }
        tanpaObjek("POST /api/v1/impor/kim", selalu(.imporKim), badan: "kode_wilayah,nama")
        for r in ["GET /dasbor", "GET /rekap", "GET /rekap.xlsx", "GET /api/v1/statistik", "GET /api/v1/statistik/pembentukan"] {
            tanpaObjek(r, selalu(.lihatDasborPembentukan))
        }
        k["GET /kim/:kim"] = Kasus(jalur: kim(), boleh: lihatKim)
        k["GET /kim/:kim/berita-acara"] = Kasus(jalur: kim("/berita-acara"), boleh: lihatKim)
        k["GET /kim/:kim/pernyataan"] = Kasus(jalur: kim("/pernyataan"), boleh: lihatKim)
        k["GET /kim/:kim/ubah"] = Kasus(jalur: kim("/ubah"), boleh: ubahKim)
        k["POST /kim/:kim"] = Kasus(jalur: kim(), boleh: ubahKim, badan: { _, _ in "" })
        k["POST /kim/:kim/pengurus"] = Kasus(jalur: kim("/pengurus"), boleh: ubahKim, badan: { _, _ in "" })
        let pengurus: (String) -> Jalur = { akhir in { d, s in "/kim/\(d.kim[s]!.id!)/pengurus/\(d.pengurus[s]!.id!)\(akhir)" } }
        k["GET /kim/:kim/pengurus/:pengurus"] = Kasus(jalur: pengurus(""), boleh: ubahKim)
        k["POST /kim/:kim/pengurus/:pengurus"] = Kasus(jalur: pengurus(""), boleh: ubahKim, badan: { _, _ in "" })
        k["POST /kim/:kim/pengurus/:pengurus/hapus"] = Kasus(jalur: { d, s in "/kim/\(d.kim[s]!.id!)/pengurus/\(d.pengurusHapus[s]!.id!)/hapus" },
                                                              boleh: ubahKim, badan: { _, _ in "" })
        k["POST /kim/:kim/pengurus/:pengurus/akun"] = Kasus(jalur: pengurus("/akun"), boleh: { a, d, s in ubahKim(a, d, s) && Kebijakan.boleh(a, .kelolaPengguna) },
                                                             badan: { _, _ in "" })
        k["POST /kim/:kim/transisi"] = Kasus(jalur: kim("/transisi"), boleh: lihatKim, badan: { _, _ in "" })
        k["POST /kim/:kim/dokumen"] = Kasus(jalur: kim("/dokumen"), boleh: ubahKim, badan: { _, _ in "" })
        k["GET /kim/:kim/dokumen/:dokumen"] = Kasus(jalur: { d, s in "/kim/\(d.kim[s]!.id!)/dokumen/\(d.dokumen[s]!)" }, boleh: lihatKim)
        k["POST /kim/:kim/kegiatan"] = Kasus(jalur: kim("/kegiatan"), boleh: catatKegiatan, badan: { _, _ in "" })
        k["GET /kim/:kim/kegiatan/:kegiatan/foto/:foto"] = Kasus(
            jalur: { d, s in "/kim/\(d.kim[s]!.id!)/kegiatan/\(d.kegiatan[s]!.0)/foto/\(d.kegiatan[s]!.1)" }, boleh: lihatKim)
        k["POST /kim/:kim/pembinaan"] = Kasus(jalur: kim("/pembinaan"), boleh: ubahKim, badan: { _, _ in "" })
        k["GET /api/v1/kim/:kim"] = Kasus(jalur: apiKim(), boleh: tampilKim)
        k["GET /direktori/:kim"] = Kasus(jalur: { d, s in "/direktori/\(d.kim[s]!.id!)" }, boleh: tampilKim)
        k["PATCH /api/v1/kim/:kim"] = Kasus(jalur: apiKim(), boleh: b { d, s in .ubahBidangKim(wilayah: d.kim[s]!.wilayah, kim: d.kim[s]!.id!, bidang: []) },
                                            badan: { _, _ in "{}" })
        k["GET /api/v1/kim/:kim/pengurus"] = Kasus(jalur: apiKim("/pengurus"), boleh: lihatKim)
        k["POST /api/v1/kim/:kim/pengurus"] = Kasus(jalur: apiKim("/pengurus"), boleh: ubahKim, badan: { _, _ in "{}" })
        let apiPengurus: Jalur = { d, s in "/api/v1/kim/\(d.kim[s]!.id!)/pengurus/\(d.pengurus[s]!.id!)" }
        k["PATCH /api/v1/kim/:kim/pengurus/:pengurus"] = Kasus(jalur: apiPengurus, boleh: ubahKim, badan: { _, _ in "{}" })
        k["DELETE /api/v1/kim/:kim/pengurus/:pengurus"] = Kasus(jalur: apiPengurus, boleh: ubahKim)
        k["GET /api/v1/kim/:kim/transisi"] = Kasus(jalur: apiKim("/transisi"), boleh: lihatKim)
        k["POST /api/v1/kim/:kim/transisi"] = Kasus(jalur: apiKim("/transisi"), boleh: lihatKim, badan: { _, _ in "{}" })
        k["POST /api/v1/kegiatan"] = Kasus(jalur: tetap("/api/v1/kegiatan"), boleh: catatKegiatan, badan: { d, s in #"{"kim_id":"\#(d.kim[s]!.id!)"}"# })

        // Laporan
        tanpaObjek("GET /laporan/baru", selalu(.kirimLaporan))
        // the phone app's home and its device credential (issue 20)
        tanpaObjek("GET /aplikasi", selalu(.kirimLaporan))
        tanpaObjek("POST /aplikasi/perangkat", selalu(.kirimLaporan), badan: "")
        tanpaObjek("POST /laporan", selalu(.kirimLaporan), badan: "")
        tanpaObjek("POST /api/v1/laporan", selalu(.kirimLaporan), badan: "{}")
        k["GET /laporan/:laporan"] = Kasus(jalur: laporan(), boleh: lihatLaporan)
        k["GET /informasi/:laporan"] = Kasus(jalur: laporan("/informasi"), boleh: lihatLaporan)
        k["POST /laporan/:laporan/aksi"] = Kasus(jalur: laporan("/laporan", "/aksi"), boleh: tanganiLaporan, badan: { _, _ in "" })
        k["GET /laporan/:laporan/foto/:foto"] = Kasus(jalur: { d, s in "/laporan/\(d.laporan[s]!.id!)/foto/\(d.foto[s]!)" }, boleh: lihatLaporan)
        k["GET /laporan/:laporan/lampiran/:lampiran"] = Kasus(jalur: { d, s in "/laporan/\(d.laporan[s]!.id!)/lampiran/\(d.lampiran[s]!)" },
                                                              boleh: tanganiLaporan)
        k["GET /api/v1/laporan/:laporan"] = Kasus(jalur: laporan("/api/v1/laporan"), boleh: lihatLaporan)
        k["GET /api/v1/laporan/:laporan/riwayat"] = Kasus(jalur: laporan("/api/v1/laporan", "/riwayat"), boleh: tanganiLaporan)
        k["POST /api/v1/laporan/:laporan/foto-penuh"] = Kasus(jalur: laporan("/api/v1/laporan", "/foto-penuh"),
                                                              boleh: b { d, s in .lengkapiFotoLaporan(d.sasaran[s]!) }, badan: { _, _ in "{}" })
        k["POST /api/v1/laporan/:laporan/transisi"] = Kasus(jalur: laporan("/api/v1/laporan", "/transisi"), boleh: tanganiLaporan, badan: { _, _ in "{}" })

        // Diseminasi
        tanpaObjek("GET /diseminasi", selalu(.lihatDaftarKim))
        tanpaObjek("GET /api/v1/diseminasi", selalu(.lihatDaftarKim))
        let terbit: Aturan = { a, _, _ in AturanDiseminasi.bolehMenerbitkan(a) }
        tanpaObjek("GET /diseminasi/baru", terbit)
        tanpaObjek("POST /diseminasi", terbit, badan: "")
        tanpaObjek("POST /api/v1/diseminasi", terbit, badan: "{}")
        let materi: (String, String) -> Jalur = { awal, akhir in { d, s in "\(awal)/\(d.materi[s]!)\(akhir)" } }
        k["GET /diseminasi/:materi"] = Kasus(jalur: materi("/diseminasi", ""), boleh: lihatMateri)
        k["GET /diseminasi/:materi/berkas/:berkas"] = Kasus(jalur: { d, s in "/diseminasi/\(d.materi[s]!)/berkas/\(d.berkasMateri[s]!)" }, boleh: lihatMateri)
        k["POST /diseminasi/:materi/laporan"] = Kasus(jalur: materi("/diseminasi", "/laporan"), boleh: laporMateri, badan: { _, _ in "" })
        k["GET /api/v1/diseminasi/:materi"] = Kasus(jalur: materi("/api/v1/diseminasi", ""), boleh: lihatMateri)
        k["POST /api/v1/diseminasi/:materi/laporan"] = Kasus(jalur: materi("/api/v1/diseminasi", "/laporan"), boleh: laporMateri, badan: { _, _ in "{}" })

        // WhatsApp and SMS (issue 21): the gateways sign or carry a shared secret, roles do not
        // apply (KanalWhatsAppTests, KanalSMSTests); the triage inbox and the outbox are staff's.
        for r in ["GET /api/v1/kanal/whatsapp", "POST /api/v1/kanal/whatsapp", "GET /api/v1/kanal/sms/:rahasia", "POST /api/v1/kanal/sms/:rahasia",
                  "GET /api/v1/kanal/sms/:rahasia/dlr"] {
            k[r] = Kasus(jalur: tetap("/"), boleh: siapaSaja, berobjek: false, lewati: "gerbang: KanalWhatsAppTests, KanalSMSTests")
        }
        for r in ["GET /pesan-masuk", "GET /api/v1/pesan-masuk", "GET /pengaturan/kanal", "GET /api/v1/kanal/kiriman"] { tanpaObjek(r, selalu(.olahPesanKanal)) }
        func pesan(_ r: String, _ awal: String, _ akhir: String, badan: String? = nil) {
            let jalur: Jalur = { d, _ in "\(awal)/\(d.pesan!)\(akhir)" }
            var kasus = Kasus(jalur: jalur, boleh: selalu(.olahPesanKanal), berobjek: false)
            if let badan { kasus.badan = { _, _ in badan } }
            k[r] = kasus
        }
        pesan("GET /pesan-masuk/:pesan", "/pesan-masuk", "")
        pesan("GET /pesan-masuk/:pesan/foto", "/pesan-masuk", "/foto")
        pesan("POST /pesan-masuk/:pesan/laporan", "/pesan-masuk", "/laporan", badan: "")
        pesan("POST /pesan-masuk/:pesan/abaikan", "/pesan-masuk", "/abaikan", badan: "")
        pesan("GET /api/v1/pesan-masuk/:pesan", "/api/v1/pesan-masuk", "")
        pesan("POST /api/v1/pesan-masuk/:pesan/laporan", "/api/v1/pesan-masuk", "/laporan", badan: #"{"laporan":{}}"#)
        pesan("POST /api/v1/pesan-masuk/:pesan/abaikan", "/api/v1/pesan-masuk", "/abaikan", badan: "{}")
        k["POST /pengaturan/kanal/kiriman/:kiriman/ulang"] = Kasus(jalur: { d, _ in "/pengaturan/kanal/kiriman/\(d.kiriman!)/ulang" },
                                                                  boleh: selalu(.olahPesanKanal), badan: { _, _ in "" }, berobjek: false)
        tanpaObjek("POST /akun/nomor", selalu(.hubungkanNomor), badan: "")
        tanpaObjek("GET /api/v1/saya/nomor", selalu(.hubungkanNomor))
        tanpaObjek("POST /api/v1/saya/nomor", selalu(.hubungkanNomor), badan: "{}")
        k["DELETE /api/v1/saya/nomor/:nomor"] = Kasus(jalur: { d, _ in "/api/v1/saya/nomor/\(d.nomorLain!)" },
                                                      boleh: { a, d, _ in a?.id == d.akun[.milik]!.id }, berobjek: false)
        k["POST /akun/nomor/:nomor/hapus"] = Kasus(jalur: { d, _ in "/akun/nomor/\(d.nomor!)/hapus" },
                                                   boleh: { a, d, _ in a?.id == d.akun[.milik]!.id }, badan: { _, _ in "" }, berobjek: false)
        return k
    }()

    // MARK: The run

    func testSetiapRuteSetiapPeranSesuaiKebijakan() async throws {
        var selisih: [String] = []
        var diperiksa = 0
        for (username, peran) in Self.peran {
            let app = try await Uji.app()
            do {
                let dunia = try await Self.dunia(app, untuk: username)
                let (n, s) = try await periksa(app, dunia, username: username, peran: peran)
                diperiksa += n
                selisih += s
            } catch {
                try await Uji.tutup(app)
                throw error
            }
            try await Uji.tutup(app)
        }
        print("Matriks otorisasi: \(diperiksa) permintaan diperiksa, \(selisih.count) selisih")
        XCTAssertEqual(selisih, [], "selisih dengan kebijakan")
        XCTAssertGreaterThan(diperiksa, 1000)
    }

    private func periksa(_ app: Application, _ d: Dunia, username: String, peran: Peran?) async throws -> (Int, [String]) {
        let aktor = try await PenggunaModel.query(on: app.db).filter(\.$username == username).first()
            .map { Aktor(id: try $0.requireID(), penugasan: try $0.penugasan()) }
        XCTAssertEqual(aktor?.peran, peran)
        let web = Peramban(app)
        var token: String?
        if aktor != nil {
            try await web.masuk(username, Self.sandi)
            token = try await KlienAPI.masuk(app, username, Self.sandi).token
        } else {
            try await web.get("/masuk") // a session and its CSRF token, as a visitor has
        }
        let rahasia = try await Self.yangTidakBolehTerlihat(app, d, aktor: aktor)

        let rute = app.routes.all.map { r in
            r.method.rawValue + " /" + r.path.map { if case .parameter(let n) = $0 { ":" + n } else { $0.description } }.joined(separator: "/")
        }
        var selisih: [String] = []
        var n = 0
        // Destructive routes last, so that earlier checks see the fixture whole.
        func merusak(_ r: String) -> Int { r.contains("DELETE") || r.contains("hapus") || r.contains("cabut") ? 1 : 0 }
        let urut = rute.sorted { (merusak($0), $0) < (merusak($1), $1) }
        for r in urut {
            guard let kasus = Self.kasus[r] else { selisih.append("\(r): tidak ada di matriks"); continue }
            if kasus.lewati != nil { continue }
            for sisi in kasus.berobjek ? Sisi.allCases : [.milik] {
                let jalur = kasus.jalur(d, sisi)
                let metode = HTTPMethod(rawValue: String(r.split(separator: " ")[0]))
                let res: XCTHTTPResponse
                if jalur.hasPrefix("/api/") {
                    res = try await KlienAPI(app: app, token: token).kirim(metode, jalur, json: kasus.badan?(d, sisi))
                } else if metode == .GET {
                    res = try await web.get(jalur)
                } else {
                    let isian = (kasus.badan?(d, sisi) ?? "").split(separator: "&").reduce(into: [String: String]()) { f, p in
                        let kv = p.split(separator: "=", maxSplits: 1).map(String.init)
                        f[kv[0]] = kv.count > 1 ? kv[1] : ""
                    }
                    res = try await web.post(jalur, isian)
                }
                n += 1
                let sampai = ![401, 403, 404].contains(res.status.code)
                let boleh = kasus.boleh(aktor, d, sisi)
                let label = "\(username) \(r) [\(sisi.rawValue)]"
                if sampai != boleh {
                    selisih.append("\(label): kebijakan \(boleh ? "membolehkan" : "melarang"), jawaban \(res.status.code)")
                }
                if res.status.code >= 500 { selisih.append("\(label): \(res.status.code)") }
                let tentangLaporan = jalur.contains("laporan") || jalur.contains("informasi")
                for teks in rahasia.telepon + (tentangLaporan ? rahasia.pelapor : []) where res.body.string.contains(teks) {
                    selisih.append("\(label): memperlihatkan \"\(teks)\"")
                }
            }
        }
        return (n, selisih)
    }

    /// Reporter names the actor may not see with a laporan (kerahasiaan), and board phone
    /// numbers of KIMs the actor may not read (anywhere).
    static func yangTidakBolehTerlihat(_ app: Application, _ d: Dunia, aktor: Aktor?) async throws -> (pelapor: [String], telepon: [String]) {
        var pelapor: [String] = [], telepon: [String] = []
        for s in Sisi.allCases {
            let l = d.laporan[s]!
            if IdentitasPelapor.untuk(l.rahasia, penonton: aktor, sasaran: d.sasaran[s]!) != .lengkap {
                pelapor.append(l.namaPelapor)
            }
            let k = d.kim[s]!
            if !Kebijakan.boleh(aktor, .lihatKim(wilayah: k.wilayah, kim: k.id)) {
                telepon += try await PengurusModel.query(on: app.db).filter(\.$kim.$id == k.requireID()).all().map(\.nomorHP)
            }
        }
        XCTAssertEqual(Set(telepon).count, telepon.count)
        // A citizen's number and a chat laporan's number, in any form: Diskominfosatik staff only.
        if !Kebijakan.boleh(aktor, .olahPesanKanal) {
            telepon += ["+6285711112222", "6285711112222", "0857-1111-2222", "+6285799990000", "6285799990000", "0857-9999-0000"]
        }
        return (pelapor, telepon)
    }

    // MARK: The fixture

    static let jpeg = GambarUji.jpeg
    static let pdf: [UInt8] = Array("%PDF-1.4\n%uji\n".utf8)

    /// Builds both sides through the app's own services and routes, as its users would.
    static func dunia(_ app: Application, untuk username: String) async throws -> Dunia {
        var d = Dunia()
        for s in Sisi.allCases {
            let k = try await Uji.kim(app, d.wilayah[s]!, lengkap: true)
            k.status = StatusKim.aktif.rawValue
            try await k.save(on: app.db)
            d.kim[s] = k
            let board = try await PengurusModel.query(on: app.db).filter(\.$kim.$id == k.requireID()).sort(\.$nama).all()
            for (i, p) in board.enumerated() where s == .lain {
                p.nomorHP = "+62877000000\(i)" // distinct from the other KIM's board
                try await p.save(on: app.db)
            }
            d.pengurus[s] = board[0]
            d.pengurusHapus[s] = board[1]
        }
        try await Uji.pengguna(app, "verif", .verifikator, sandi: sandi)
        try await Uji.pengguna(app, "verif2", .verifikator, sandi: sandi)
        try await Uji.pengguna(app, "opkec", .operatorKecamatan, wilayah: "36.04.05", sandi: sandi)
        try await Uji.pengguna(app, "opdesa", .operatorDesa, wilayah: "36.04.05.2001", sandi: sandi)
        try await Uji.pengguna(app, "dpmptsp", .opd, opd: "dpmptsp", sandi: sandi)
        d.akun[.milik] = try await Uji.pengguna(app, "pengurusa", .pengurusKim, kim: d.kim[.milik], sandi: sandi)
        d.akun[.lain] = try await Uji.pengguna(app, "pengurusb", .pengurusKim, kim: d.kim[.lain], sandi: sandi)
        if let admin = try await PenggunaModel.query(on: app.db).filter(\.$username == "admin").first() {
            admin.hashKataSandi = try await app.penyandi.hash(sandi)
            try await admin.save(on: app.db)
        }
        let lt = LayananToken(l: app.lingkungan)
        for s in Sisi.allCases {
            d.token[s] = try await lt.terbitkan(untuk: d.akun[s]!, nama: "web").0.requireID()
            d.tokenAPI[s] = try await lt.terbitkan(untuk: d.akun[s]!, nama: "api").0.requireID()
        }

        // Laporan: `milik` rahasia, verified with a letter attached and forwarded to dpmptsp;
        // `lain` biasa, verified (with the letter of the check) and published, not forwarded.
        let verif = try await KlienAPI.masuk(app, "verif", sandi)
        for (s, pelapor, rahasia) in [(Sisi.milik, "pengurusa", "rahasia"), (.lain, "pengurusb", "biasa")] {
            let p = Peramban(app)
            try await p.masuk(pelapor, sandi)
            try await p.get("/laporan/baru?kategori=infrastruktur")
            let res = try await p.unggah("/laporan", berkas: jpeg, namaBerkas: "jalan.jpg", tipe: "image/jpeg", bidang: [
                "kategori": "infrastruktur", "judul": "Jalan rusak \(s.rawValue)", "isi": "Lubang besar di jalan desa.",
                "kode_wilayah": d.wilayah[s]!, "kerahasiaan": rahasia, "sumber": "pengamatan_langsung",
            ], namaBidang: "foto[]")
            XCTAssertLessThan(res.status.code, 400, res.body.string)
            let l = try await LaporanModel.query(on: app.db).filter(\.$kodeWilayah == d.wilayah[s]!).first().ada()
            let id = try l.requireID()
            let (h, body) = Multipart.badan(["ke": "valid", "metode": "cek_lapangan", "catatan": "benar"], berkas: pdf, namaBerkas: "surat.pdf",
                                            tipe: "application/pdf", namaBidang: "lampiran[]")
            var hh = h
            hh.bearerAuthorization = .init(token: verif.token!)
            let valid = try await app.sendRequest(.POST, "/api/v1/laporan/\(id)/transisi", headers: hh, body: body)
            XCTAssertEqual(valid.status, .ok, valid.body.string)
            let lanjut = s == .milik ? #"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"mohon ditindaklanjuti"}"# : #"{"ke":"dipublikasikan"}"#
            let t = try await verif.kirim(.POST, "/api/v1/laporan/\(id)/transisi", json: lanjut)
            XCTAssertEqual(t.status, .ok, t.body.string)
            let segar = try await LaporanModel.find(id, on: app.db).ada()
            d.laporan[s] = segar
            let opd = Set(try await LaporanOPDModel.query(on: app.db).filter(\.$laporan.$id == id).all().map(\.kodeOPD))
            d.sasaran[s] = LayananLaporan.sasaran(segar, opd: opd)
            d.foto[s] = try await FotoLaporanModel.query(on: app.db).filter(\.$laporan.$id == id).first().ada().requireID()
            d.lampiran[s] = try await LampiranLaporanModel.query(on: app.db).filter(\.$laporan.$id == id).first().ada().requireID()
        }

        // KIM documents, kegiatan with a photo, and a materi with a file for each side.
        let admin = Peramban(app)
        try await admin.masuk("admin", sandi)
        for s in Sisi.allCases {
            let kimID = try d.kim[s]!.requireID()
            try await admin.get("/kim/\(kimID)")
            let dok = try await admin.unggah("/kim/\(kimID)/dokumen", berkas: pdf, namaBerkas: "berita-acara.pdf", tipe: "application/pdf",
                                             bidang: ["jenis": "berita_acara"])
            XCTAssertLessThan(dok.status.code, 400, dok.body.string)
            d.dokumen[s] = try await DokumenKimModel.query(on: app.db).filter(\.$kim.$id == kimID).first().ada().requireID()
            let keg = try await admin.unggah("/kim/\(kimID)/kegiatan", berkas: jpeg, namaBerkas: "rapat.jpg", tipe: "image/jpeg", bidang: [
                "jenis": "rapat_pengurus", "tanggal": "2024-05-15", "tempat": "Balai desa", "uraian": "Rapat bulanan", "peserta": "12",
            ], namaBidang: "foto[]")
            XCTAssertLessThan(keg.status.code, 400, keg.body.string)
            let kegiatan = try await KegiatanModel.query(on: app.db).filter(\.$kim.$id == kimID).first().ada()
            let foto = try await FotoKegiatanModel.query(on: app.db).filter(\.$kegiatan.$id == kegiatan.requireID()).first().ada()
            d.kegiatan[s] = (try kegiatan.requireID(), try foto.requireID())
            try await admin.get("/diseminasi/baru")
            let m = try await admin.unggah("/diseminasi", berkas: pdf, namaBerkas: "materi.pdf", tipe: "application/pdf", bidang: [
                "judul": "Materi \(s.rawValue)", "ringkasan": "Ringkas", "isi": "Isi materi", "jenis": "program_pemerintah",
                "batas_waktu": "2024-06-30", "sasaran": "kim", "kim[]": kimID.uuidString, "langkah": "terbitkan",
            ], namaBidang: "lampiran[]")
            XCTAssertLessThan(m.status.code, 400, m.body.string)
            let materi = try await MateriModel.query(on: app.db).filter(\.$judul == "Materi \(s.rawValue)").first().ada()
            d.materi[s] = try materi.requireID()
            d.berkasMateri[s] = try await BerkasMateriModel.query(on: app.db).filter(\.$materi.$id == materi.requireID()).first().ada().requireID()
        }

        // Issue 21: a citizen's message with a photo in triage, a reply queued to them, the
        // `milik` laporan marked as one that came by SMS, and pengurusa's tied number.
        let foto = try PenyimpanBerkas(direktori: app.sikim.direktoriData + "/kanal")
            .simpan(PenyimpanBerkas.periksa([FotoMasuk(nama: "a.jpg", bytes: jpeg)], maks: 1, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")[0])
        let pesan = PesanKanalModel()
        (pesan.id, pesan.kanal, pesan.idLuar, pesan.pengirim, pesan.jenis, pesan.teks) = (UUID(), "whatsapp", "wamid.M", "+6285711112222", "foto", "Sungai tercemar")
        (pesan.berkas, pesan.tipeMime, pesan.status, pesan.diterimaPada, pesan.versi) = (foto, "image/jpeg", "triase", app.jam.sekarang(), 0)
        try await pesan.create(on: app.db)
        d.pesan = pesan.id
        let kiriman = KirimanKanalModel()
        (kiriman.id, kiriman.kunci, kiriman.kanal, kiriman.penerima, kiriman.isi) = (UUID(), "uji", "whatsapp", "+6285711112222", "Terima kasih")
        (kiriman.status, kiriman.percobaan, kiriman.galat, kiriman.berikutnya, kiriman.dibuatPada, kiriman.versi) =
            ("gagal", 6, "HTTP 500", app.jam.sekarang(), app.jam.sekarang(), 0)
        try await kiriman.create(on: app.db)
        d.kiriman = kiriman.id
        let lap = d.laporan[.milik]!
        (lap.kanal, lap.nomorPengirim) = ("sms", "+6285799990000")
        try await lap.save(on: app.db)
        let nomor = NomorKanalModel()
        (nomor.id, nomor.nomor, nomor.penggunaID, nomor.dibuatPada, nomor.versi, nomor.salah) = (UUID(), "+6281200000001", try d.akun[.milik]!.requireID(), app.jam.sekarang(), 0, 0)
        try await nomor.create(on: app.db)
        d.nomor = nomor.id
        let lain = NomorKanalModel()
        (lain.id, lain.nomor, lain.penggunaID, lain.dibuatPada, lain.versi, lain.salah) = (UUID(), "+6281200000002", try d.akun[.milik]!.requireID(), app.jam.sekarang(), 0, 0)
        try await lain.create(on: app.db)
        d.nomorLain = lain.id

        // A notification for the role's own account (or the admin's, for the public) and one for someone else.
        let pemilik = try await PenggunaModel.query(on: app.db).filter(\.$username == (username == "publik" ? "admin" : username)).first().ada()
        let orangLain = try await PenggunaModel.query(on: app.db).filter(\.$username == (username == "verif2" ? "verif" : "verif2")).first().ada()
        for (s, p) in [(Sisi.milik, pemilik), (.lain, orangLain)] {
            let n = NotifikasiModel()
            (n.penggunaID, n.judul, n.tautan, n.dibaca, n.dibuatPada) = (try p.requireID(), "Uji \(s.rawValue)", "/", false, app.jam.sekarang())
            try await n.create(on: app.db)
            d.notifikasi[s] = try n.requireID()
        }
        return d
    }
}

private extension Optional {
    /// The value, or a test failure naming what was missing instead of a crash.
    func ada(_ apa: String = "\(Wrapped.self)", file: StaticString = #filePath, line: UInt = #line) throws -> Wrapped {
        try XCTUnwrap(self, "\(apa) tidak ada", file: file, line: line)
    }
}

import SIKIMData
import Fluent
import Foundation
import SQLKit
import NIOConcurrencyHelpers
import SIKIMCore
import Vapor

/// Raw laporan fields from a form or JSON. Answers arrive as `jawaban` (JSON: text or list per
/// question) or, from a form, as fields `jawaban_<kode>`.
struct IsianLaporan: Content {
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

    enum CodingKeys: String, CodingKey {
        case kategori, judul, isi, lat, lon, alamat, sumber, kerahasiaan, jawaban
        case kodeWilayah = "kode_wilayah", waktuKejadian = "waktu_kejadian"
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
        var h = SHA256()
        h.update(data: (try? enc.encode(self)) ?? Data())
        for f in foto { h.update(data: Data(SHA256.hash(data: f.bytes).hex.utf8)) }
        return h.finalize().hex
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

/// Laporan operations shared by the web pages and the API.
struct LayananLaporan {
    let db: any Database
    let jam: Jam
    let direktoriData: String
    /// The server's gate for SQLite writes; commands and checks that only read keep it open.
    var gerbang = GerbangTulis.terbuka
    /// The server's caches; commands read afresh.
    var cache: CacheServer?

    var penyimpanFoto: PenyimpanBerkas { PenyimpanBerkas(direktori: direktoriData + "/foto") }
    var penyimpanLampiran: PenyimpanBerkas { PenyimpanBerkas(direktori: direktoriData + "/lampiran") }

    static func sha256(_ s: String) -> String { SHA256.hash(data: Data(s.utf8)).hex }

    /// One plain column, so no model is built per row.
    func kalender() async throws -> KalenderKerja {
        let baris = try await (db as! any SQLDatabase).select().column("tanggal").from(HariLiburModel.schema).all()
        return KalenderKerja(libur: Set(try baris.compactMap { Tanggal(iso: try $0.decode(column: "tanggal", as: String.self)) }))
    }

    /// Creates a laporan, or returns the one already made with the same idempotency key.
    /// The stored laporan, whether this call stored it (not a repeated idempotency key), and
    /// its photos' ids when it did. A key used again with other content is refused.
    func buat(_ isian: IsianLaporan, foto: [FotoMasuk], oleh p: PenggunaMasuk, kunci: String?) async throws
        -> (LaporanModel, baru: Bool, foto: [UUID]) {
        guard Kebijakan.boleh(p.aktor, .kirimLaporan) else { throw TindakanDilarang() }
        let kunci = kunci.map { String($0.prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
        let sidik = kunci == nil ? nil : isian.sidik(foto: foto)
        if let kunci, let ada = try await ulangan(kunci, sidik: sidik, oleh: p) { return (ada, false, []) }
        let kim = try await p.aktor.penugasan.kimID.asyncMap { try await KimModel.find($0, on: db) } ?? nil
        if let alasan = kim?.statusKim.alasanTidakBerkegiatan { throw TindakanDilarang(alasan) }
        guard let kode = isian.kategori, let kategori = try await bacaKategori(kode), kategori.aktif else {
            throw KesalahanIsian("kategori", "Pilih kategori informasi.")
        }
        let laporan = try AturanLaporan.periksa(
            judul: isian.judul ?? "", isi: isian.isi ?? "", kodeDesa: isian.kodeWilayah ?? "", lat: isian.lat, lon: isian.lon,
            alamat: isian.alamat, waktuKejadian: try IsianLaporan.waktu(isian.waktuKejadian), sumber: isian.sumber,
            kerahasiaan: isian.kerahasiaan, jawaban: isian.jawaban ?? [:], pertanyaan: kategori.pertanyaan, sekarang: jam.sekarang())
        guard try await adaWilayah(laporan.wilayah) else {
            throw KesalahanIsian("kode_wilayah", "Desa \(laporan.wilayah.nilai) tidak ada di Kabupaten Serang.")
        }
        guard AturanLaporan.bolehMelapor(p.aktor, desa: laporan.wilayah, statusKim: kim?.statusKim) else {
            throw KesalahanIsian("kode_wilayah", "Desa ini berada di luar wilayah KIM Anda.")
        }
        let berkas = try PenyimpanBerkas.periksa(foto, maks: AturanLaporan.jumlahFoto, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")

        let sekarang = jam.sekarang()
        let jawaban = String(decoding: try JSONEncoder().encode(laporan.jawaban), as: UTF8.self)
        let id = UUID()
        // Built inside the transaction: a group commit that fails runs it again alone, and a
        // Fluent model can be created only once.
        @Sendable func model(nomor: String) -> LaporanModel {
            let m = LaporanModel()
            (m.id, m.nomor) = (id, nomor)
            (m.judul, m.isi, m.kodeKategori, m.kodeWilayah) = (laporan.judul, laporan.isi, kategori.kode, laporan.wilayah.nilai)
            (m.kimID, m.namaKim, m.pelaporID, m.namaPelapor) = (kim?.id, kim?.nama, p.aktor.id, p.model.nama)
            (m.lat, m.lon, m.alamat, m.waktuKejadian) = (laporan.lat, laporan.lon, laporan.alamat, laporan.waktuKejadian)
            (m.sumber, m.kerahasiaan, m.jawabanJSON) = (laporan.sumber.rawValue, laporan.kerahasiaan.rawValue, jawaban)
            (m.status, m.dipublikasikan, m.kunciIdempotensi, m.sidikPermintaan) = (StatusLaporan.masuk.rawValue, false, kunci, sidik)
            (m.dibuatPada, m.diubahPada, m.versi) = (sekarang, sekarang, 0)
            return m
        }
        let tahun = Tanggal(sekarang).tahun
        // The recipients of a new laporan do not depend on its number.
        let alamat = try await RepositoriNotifikasi(db: db, jam: jam).alamat([.laporanBaru(nomor: "")], cache: cache?.alamat)
        do {
            return try await penyimpanFoto.dengan(berkas) { nama in
                let foto = zip(berkas, nama).map { ($0, $1, UUID()) }
                let m = try await gerbang.transaksi(db, kelompok: true) { [jam] db in
                    let m = model(nomor: AturanLaporan.nomor(tahun: tahun, urut: try await Penomoran.ambil(tahun: tahun, on: db).lowerBound))
                    try await [m].sisipkan(on: db)
                    for (b, berkas, idFoto) in foto {
                        let f = FotoLaporanModel()
                        (f.id, f.$laporan.id) = (idFoto, id)
                        (f.berkas, f.tipeMime, f.ukuran, f.sha256) = (berkas, b.jenis.mime, b.bytes.count, b.sha256)
                        try await f.create(on: db)
                    }
                    try await catat(m, aksi: "dibuat", dari: "", ke: StatusLaporan.masuk.rawValue, catatan: nil, data: [:], oleh: p, db: db, pertama: true)
                    // In the same transaction: no laporan without its notices.
                    try await RepositoriNotifikasi(db: db, jam: jam).kirim([.init(pemberitahuan: .laporanBaru(nomor: m.nomor), tautan: "/laporan/\(id)")],
                                                                       ke: alamat)
                    return m
                }
                return (m, true, foto.map(\.2))
            }
        } catch {
            // The same key sent twice at once: the other request stored it.
            if (error as? any DatabaseError)?.isConstraintFailure == true, let kunci,
               let ada = try await ulangan(kunci, sidik: sidik, oleh: p) {
                return (ada, false, [])
            }
            throw error
        }
    }

    /// The laporan this reporter already sent with this key, if any; refused when it was sent
    /// with other content (laporan stored before fingerprints were kept are answered as they are).
    private func ulangan(_ kunci: String, sidik: String?, oleh p: PenggunaMasuk) async throws -> LaporanModel? {
        guard let ada = try await LaporanModel.query(on: db).filter(\.$pelaporID == p.aktor.id).filter(\.$kunciIdempotensi == kunci).first() else {
            return nil
        }
        if let lama = ada.sidikPermintaan, lama != sidik { throw KunciIdempotensiDipakai() }
        return ada
    }

    /// Read before every submission, so kept by the server a few seconds (`CacheServer`).
    private func bacaKategori(_ kode: String) async throws -> KategoriLaporan? {
        let baca = { try await KategoriModel.find(kode, on: db).map(KategoriLaporan.init) }
        guard let cache else { return try await baca() }
        return try await cache.kategori.ambil(kode, baca: baca)
    }

    private func adaWilayah(_ kode: KodeWilayah) async throws -> Bool {
        let baca = { try await WilayahModel.find(kode.nilai, on: db).map { _ in true } }
        guard let cache else { return try await baca() ?? false }
        return try await cache.wilayah.ambil(kode.nilai, baca: baca) ?? false
    }

    func opd(_ m: LaporanModel) async throws -> [LaporanOPDModel] {
        try await LaporanOPDModel.query(on: db).filter(\.$laporan.$id == m.requireID()).sort(\.$kodeOPD).all()
    }

    func keadaan(_ m: LaporanModel) async throws -> KeadaanLaporan {
        let sensitif = try await KategoriModel.find(m.kodeKategori, on: db)?.sensitif ?? false
        let tujuan = try await opd(m)
        return KeadaanLaporan(status: m.statusLaporan, dipublikasikan: m.dipublikasikan, sensitif: sensitif, pelapor: m.pelaporID,
                              wilayah: m.wilayah, kim: m.kimID, konfirmasiPertama: m.konfirmasiPertama,
                              opd: Set(tujuan.map(\.kodeOPD)), opdMenanggapi: Set(tujuan.filter { $0.ditanggapiPada != nil }.map(\.kodeOPD)))
    }

    static func sasaran(_ m: some DataLaporan, opd: Set<String>) -> SasaranLaporan {
        SasaranLaporan(wilayah: m.wilayah, kim: m.kimID, pelapor: m.pelaporID, opd: opd, dipublikasikan: m.dipublikasikan)
    }

    /// Runs an action through the core's state machine and records it in the audit trail, with
    /// its attachments. The change is written only if the laporan is still in the state it was
    /// decided from: the version read here, or `versi`, the one the actor saw (`Berversi`).
    func jalankan(_ aksi: AksiLaporan, pada m: LaporanModel, data: DataAksiLaporan, oleh p: PenggunaMasuk,
                  lampiran: [FotoMasuk] = [], versi: Int? = nil) async throws {
        if let versi, versi != m.versi { throw DiubahBersamaan() }
        let hasil = try SiklusLaporan.jalankan(aksi, pada: try await keadaan(m), oleh: p.aktor, data: data)
        guard aksi.bolehLampiran || lampiran.isEmpty else {
            throw KesalahanIsian("lampiran", "\(aksi.label) tidak disertai lampiran.")
        }
        let berkas = try PenyimpanBerkas.periksa(lampiran, maks: AturanLaporan.jumlahLampiran, terima: AturanLaporan.jenisLampiran,
                                                 bidang: "lampiran", label: "Lampiran")
        let kodeOPD = Array(Set(data.opd)).sorted()
        if aksi == .teruskan {
            let ada = try await OPDModel.query(on: db).filter(\.$id ~~ kodeOPD).filter(\.$aktif == true).all(\.$id)
            if let asing = kodeOPD.first(where: { !ada.contains($0) }) {
                throw KesalahanIsian("opd", "OPD \(asing.prefix(40)) tidak dikenal atau tidak aktif.")
            }
        }
        let sekarang = jam.sekarang()
        let dari = m.statusLaporan
        let catatan = data.catatan.map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(4000)) }
        m.status = hasil.status.rawValue
        m.dipublikasikan = hasil.dipublikasikan
        if hasil.konfirmasiPertama { m.konfirmasiPertama = p.aktor.id }
        if aksi == .teruskan, m.diteruskanPada == nil { m.diteruskanPada = sekarang }
        if aksi == .selesaikan { m.hasil = catatan }
        m.diubahPada = sekarang
        var rincian: [String: String] = [:]
        if let metode = data.metode, aksi == .konfirmasi { rincian["metode"] = metode.rawValue }
        if let alasan = data.alasan, aksi == .tolak { rincian["alasan"] = alasan.rawValue }
        if aksi == .teruskan { rincian["opd"] = kodeOPD.joined(separator: ",") }
        if hasil.konfirmasiPertama { rincian["konfirmasi"] = "pertama" }
        if !berkas.isEmpty { rincian["lampiran"] = berkas.map(\.sha256).joined(separator: ",") }
        let dataPeristiwa = rincian // the transaction's closure may run elsewhere: a constant, not the var
        let opdSaya = p.aktor.penugasan.kodeOPD
        let pesan = Pemberitahuan.dari(aksi, nomor: m.nomor, hasil: hasil.status, opd: kodeOPD)
        let alamat = try await RepositoriNotifikasi(db: db, jam: jam).alamat(pesan.map { [$0] } ?? [], cache: cache?.alamat)
        try await penyimpanLampiran.dengan(berkas) { simpanBerkas in
            try await gerbang.transaksi(db) { [jam] db in
                // First: a laporan changed since the decision stops everything that follows it.
                try await m.simpanBersyarat(on: db)
                if aksi == .teruskan {
                    for kode in kodeOPD {
                        let o = LaporanOPDModel()
                        (o.$laporan.id, o.kodeOPD, o.instruksi, o.diteruskanPada) = (try m.requireID(), kode, catatan ?? "", sekarang)
                        try await o.create(on: db)
                    }
                }
                // Acknowledging or acting is the OPD's response (the admin answers for all).
                if aksi == .terima || aksi == .tindaklanjuti {
                    let q = LaporanOPDModel.query(on: db).filter(\.$laporan.$id == m.id!).filter(\.$ditanggapiPada == nil)
                    if let opdSaya { q.filter(\.$kodeOPD == opdSaya) }
                    try await q.set(\.$ditanggapiPada, to: sekarang).update()
                }
                let e = try await catat(m, aksi: aksi.rawValue, dari: dari.rawValue, ke: hasil.status.rawValue, catatan: catatan,
                                        data: dataPeristiwa, oleh: p, db: db)
                for (b, nama) in zip(berkas, simpanBerkas) {
                    let l = LampiranLaporanModel()
                    (l.$laporan.id, l.$peristiwa.id) = (try m.requireID(), try e.requireID())
                    (l.namaAsli, l.berkas, l.tipeMime, l.ukuran, l.sha256) = (b.namaAsli, nama, b.jenis.mime, b.bytes.count, b.sha256)
                    try await l.create(on: db)
                }
                if let pesan {
                    try await RepositoriNotifikasi(db: db, jam: jam).kirim([.init(pemberitahuan: pesan, tautan: "/laporan/\(m.id!)", pelapor: m.pelaporID)],
                                                                       ke: alamat)
                }
            }
        }
    }

    /// Appends an event to the laporan's hash chain.
    @discardableResult
    private func catat(_ m: LaporanModel, aksi: String, dari: String, ke: String, catatan: String?, data: [String: String],
                       oleh p: PenggunaMasuk, db: any Database, pertama: Bool = false) async throws -> PeristiwaLaporanModel {
        // A new laporan's first event has no predecessor to read.
        let sebelumnya = pertama ? nil : try await PeristiwaLaporanModel.query(on: db).filter(\.$laporan.$id == m.requireID())
            .sort(\.$urutan, .descending).first()
        let e = PeristiwaLaporanModel()
        e.$laporan.id = try m.requireID()
        e.urutan = (sebelumnya?.urutan ?? 0) + 1
        (e.aksi, e.dari, e.ke, e.catatan) = (aksi, dari, ke, catatan)
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        e.data = String(decoding: try enc.encode(data), as: UTF8.self)
        (e.penggunaID, e.namaPengguna, e.peran) = (p.aktor.id, p.model.nama, p.aktor.peran.rawValue)
        // Millisecond precision, as both databases store it, so the hash can be recomputed.
        e.waktu = Date(timeIntervalSince1970: (jam.sekarang().timeIntervalSince1970 * 1000).rounded() / 1000)
        e.hashSebelum = sebelumnya?.hash ?? RantaiAudit.awal
        e.hash = RantaiAudit.hash(sebelum: e.hashSebelum, isi: e.isiKanonik, sha256: Self.sha256)
        try await [e].sisipkan(on: db)
        return e
    }

    /// Checks every laporan's chain; returns the numbers of those whose history was altered.
    /// Besides the hashes, each event must start where the one before it ended, numbered
    /// without gaps or repeats (`RantaiAudit.putus`), and the chain must end in the laporan's
    /// current state, so that cutting off its last events is caught too.
    func periksaAudit() async throws -> [String] {
        let laporan = Dictionary(uniqueKeysWithValues: try await LaporanModel.query(on: db).all().map { ($0.id!, $0) })
        let nomor = laporan.mapValues(\.nomor)
        let semua = try await PeristiwaLaporanModel.query(on: db).sort(\.$urutan).all()
        var rusak: [String] = []
        for (id, rantai) in Dictionary(grouping: semua, by: { $0.$laporan.id }) {
            let urut = rantai.sorted { $0.urutan < $1.urutan }
            let utuh = RantaiAudit.putus(urut.map { .init(urutan: $0.urutan, dari: $0.dari, ke: $0.ke) }) == nil
            let cocok = urut.last?.ke == laporan[id]?.status
            if !utuh || !cocok || RantaiAudit.periksa(urut.map { .init(isi: $0.isiKanonik, hashSebelum: $0.hashSebelum, hash: $0.hash) },
                                                      sha256: Self.sha256) != nil {
                rusak.append(nomor[id] ?? id.uuidString)
            }
        }
        // A laporan whose whole history was deleted is altered too.
        let berriwayat = Set(semua.map(\.$laporan.id))
        rusak += nomor.filter { !berriwayat.contains($0.key) }.map(\.value)
        return rusak.sorted()
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}

extension Request {
    var layananLaporan: LayananLaporan {
        LayananLaporan(db: db, jam: application.jam, direktoriData: application.sikim.direktoriData, gerbang: application.gerbangTulis,
                       cache: application.cache)
    }

    /// The holiday calendar, cached like the dashboard (`CacheHitungan`): every laporan list
    /// needs it for the SLA deadlines, and it changes a few times a year. Only holiday edits make
    /// it stale; tied to every write, it was reloaded after each submission.
    func kalender() async throws -> KalenderKerja {
        let layanan = layananLaporan
        let versi = application.versiLibur.withLockedValue { $0 }
        return try await application.cacheKalender.ambil(0, sekarang: sekarang, versi: versi) { try await layanan.kalender() }
    }
}

extension Application {
    private struct CacheKalenderKey: StorageKey { typealias Value = CacheHitungan<Int, KalenderKerja> }

    /// Set once in `configure`, before serving.
    var cacheKalender: CacheHitungan<Int, KalenderKerja> {
        get { storage[CacheKalenderKey.self]! }
        set { storage[CacheKalenderKey.self] = newValue }
    }

    private struct VersiLiburKey: StorageKey { typealias Value = NIOLockedValueBox<Int> }

    /// Holiday edits made through this process; set once in `configure`.
    var versiLibur: NIOLockedValueBox<Int> {
        get { storage[VersiLiburKey.self]! }
        set { storage[VersiLiburKey.self] = newValue }
    }
}

import FluentKit
import Foundation
import SIKIMCore
import SIKIMData

/// A laporan as one viewer may see it: the row's values, what `TampilanLaporan` lets this
/// viewer see, and the deadline worked out from the holiday calendar. The page and the JSON
/// are both drawn from it.
struct LaporanTerlihat: Sendable {
    struct Pelapor: Sendable {
        let nama: String?
        let kim: String?
        /// "Nama · KIM", as lists and pages show it.
        var label: String { [nama, kim].compactMap { $0 }.joined(separator: " · ") }
    }

    let tampilan: TampilanLaporan
    let id: UUID
    let nomor: String
    let judul: String
    let isi: String
    let kategori: String
    let kodeWilayah: String
    let status: StatusLaporan
    let dipublikasikan: Bool
    let kerahasiaan: Kerahasiaan
    let sumber: String
    let jawaban: [String: [String]]
    let lat: Double?
    let lon: Double?
    let alamat: String?
    let waktuKejadian: Date?
    let pelapor: Pelapor?
    let opd: [String]
    let hasil: String?
    let foto: [UUID]
    let dibuatPada: Date
    let tenggat: Date?
    let tahapSla: TahapSLA?
    let terlambat: Bool
    let versi: Int
    let kanal: KanalLaporan?
    let ditulisPada: Date?
    /// Nil unless this viewer may see it (`TampilanLaporan.Bidang.nomorPengirim`).
    let nomorPengirim: String?

    init(_ m: some DataLaporan, tampilan t: TampilanLaporan, opd: [OPDLaporan], foto: [UUID], kalender: KalenderKerja, sekarang: Date) {
        tampilan = t
        id = m.id!
        (nomor, judul, isi, kategori, kodeWilayah) = (m.nomor, m.judul, m.isi, m.kodeKategori, m.kodeWilayah)
        (status, dipublikasikan, kerahasiaan, sumber, jawaban) = (m.statusLaporan, m.dipublikasikan, m.rahasia, m.sumber, m.jawaban)
        (lat, lon, alamat, waktuKejadian, hasil, versi) = (m.lat, m.lon, m.alamat, m.waktuKejadian, m.hasil, m.versi)
        switch t.identitas {
        case .lengkap: pelapor = Pelapor(nama: m.namaPelapor, kim: m.namaKim)
        case .namaKimSaja: pelapor = Pelapor(nama: nil, kim: m.namaKim)
        case .tersembunyi: pelapor = nil
        }
        self.opd = opd.map(\.kode)
        self.foto = foto
        dibuatPada = m.dibuatPada
        (kanal, ditulisPada) = (m.kanal.flatMap(KanalLaporan.init(rawValue:)), m.ditulisPada)
        nomorPengirim = t.boleh(.nomorPengirim) ? m.nomorPengirim : nil
        let tahap = LayananLaporan.tenggat(m, opd: opd, kalender: kalender)
        (tenggat, tahapSla, terlambat) = (tahap?.1, tahap?.0, tahap.map { sekarang > $0.1 } ?? false)
    }
}

/// One event of a laporan's audit trail as a viewer may see it.
struct PeristiwaTerlihat: Sendable {
    struct Lampiran: Sendable { let id: UUID; let nama: String; let sha256: String }
    let urutan: Int
    let aksi: String
    let dari: String
    let ke: String
    let catatan: String?
    /// Nil where the reporter's identity may not be shown.
    let oleh: String?
    let peran: String
    let waktu: Date
    let lampiran: [Lampiran]
}

/// Where a new laporan came from: its channel, the phone's writing time (the app offline), the
/// number a chat laporan came from, and whether it is a citizen's message a verifikator took in.
struct AsalLaporan: Sendable {
    var kanal: KanalLaporan = .web
    var ditulis: Date?
    var nomorPengirim: String?
    /// Made by Diskominfosatik staff from a citizen's chat message (issue 21): their right to
    /// take in messages (`olahPesanKanal`) replaces a reporter's right to report from a desa.
    var pesanWarga = false
}

/// Laporan: finding them within the viewer's scope, submitting, acting on them through the
/// core's state machine, and the audit trail. Every change is conditional on the version it
/// was decided from.
struct LayananLaporan {
    let l: Lingkungan
    private var data: RepositoriLaporan { RepositoriLaporan(db: l.db) }

    var penyimpanFoto: PenyimpanBerkas { PenyimpanBerkas(direktori: l.konfigurasi.direktoriData + "/foto") }
    var penyimpanLampiran: PenyimpanBerkas { PenyimpanBerkas(direktori: l.konfigurasi.direktoriData + "/lampiran") }

    static func sasaran(_ m: some DataLaporan, opd: Set<String>) -> SasaranLaporan {
        SasaranLaporan(wilayah: m.wilayah, kim: m.kimID, pelapor: m.pelaporID, opd: opd, dipublikasikan: m.dipublikasikan)
    }

    // MARK: Reading

    /// A page of the laporan a viewer's list holds, newest first.
    func halaman(_ s: SaringanLaporan, _ p: Paginasi, untuk penonton: Aktor?, terlamaDulu: Bool = false) async throws -> Potongan<LaporanTerlihat> {
        let h = try await data.halaman(s, p, terlamaDulu: terlamaDulu)
        return Potongan(isi: try await terlihat(h.isi, untuk: penonton), lanjut: h.lanjut)
    }

    /// Its SLA stage and that stage's deadline (`AturanLaporan.tenggat`), the OPD answers
    /// taken from its forwards.
    static func tenggat(_ m: some DataLaporan, opd: [OPDLaporan], kalender: KalenderKerja) -> (TahapSLA, Date)? {
        AturanLaporan.tenggat(status: m.statusLaporan, masuk: m.dibuatPada, diteruskan: m.diteruskanPada,
                              ditanggapi: !opd.isEmpty && opd.allSatisfy(\.ditanggapi), kalender: kalender)
    }

    /// How many of the viewer's laporan a filter holds (within the viewer's scope).
    func jumlah(_ status: SaringanLaporan.Status, untuk penonton: Aktor?) async throws -> Int {
        var s = SaringanLaporan(cakupan: Kebijakan.cakupanLaporan(penonton))
        s.status = status
        return try await data.jumlah(s)
    }

    /// How many of the viewer's laporan are past their deadline: rows only, no views built.
    func jumlahTerlambat(untuk penonton: Aktor?) async throws -> Int {
        try await barisTerlambat(untuk: penonton).count
    }

    /// The viewer's laporan past their deadline: how many in each stage, and one page of a
    /// stage (without one asked for, the first that has any), the longest overdue first. Views
    /// are built for that page only.
    func terlambat(untuk penonton: Aktor?, tahap diminta: TahapSLA?, halaman: Int,
                   ukuran: Int) async throws -> (jumlah: [TahapSLA: Int], tahap: TahapSLA, isi: [LaporanTerlihat]) {
        let semua = try await barisTerlambat(untuk: penonton)
        let jumlah = Dictionary(grouping: semua, by: \.tahap).mapValues(\.count)
        let tahap = diminta ?? TahapSLA.allCases.first { (jumlah[$0] ?? 0) > 0 } ?? .verifikasi
        let diTahap = semua.filter { $0.tahap == tahap }.sorted { $0.batas < $1.batas }
        let potong = diTahap.dropFirst(max(0, halaman - 1) * ukuran).prefix(ukuran).map(\.baris)
        return (jumlah, tahap, try await terlihat(Array(potong), untuk: penonton))
    }

    private func barisTerlambat(untuk penonton: Aktor?) async throws -> [(baris: BarisLaporan, tahap: TahapSLA, batas: Date)] {
        var s = SaringanLaporan(cakupan: Kebijakan.cakupanLaporan(penonton))
        s.status = .salahSatu(AturanLaporan.statusBertenggat)
        let (kalender, sekarang) = (try await LayananPengaturan(l: l).kalender(), l.sekarang)
        return try await data.semua(s).compactMap { m in
            guard let (tahap, batas) = Self.tenggat(m, opd: m.opd, kalender: kalender), sekarang > batas else { return nil }
            return (m, tahap, batas)
        }
    }

    /// A laporan as a row, if the viewer may do `boleh` on it; otherwise it does not exist
    /// for them. One query: an API detail needs nothing else.
    func baris(_ id: UUID?, untuk aktor: Aktor?, boleh: (SasaranLaporan) -> Tindakan = Tindakan.lihatLaporan) async throws -> BarisLaporan {
        guard let id, let b = try await data.baris(id), Kebijakan.boleh(aktor, boleh(Self.sasaran(b, opd: Set(b.opd.map(\.kode))))) else {
            throw TidakDitemukan("Laporan")
        }
        return b
    }

    /// The same as a model, for acting on it.
    func satu(_ id: UUID?, untuk aktor: Aktor?, boleh: (SasaranLaporan) -> Tindakan = Tindakan.lihatLaporan) async throws -> LaporanModel {
        guard let m = try await data.cari(try await baris(id, untuk: aktor, boleh: boleh).id!) else { throw TidakDitemukan("Laporan") }
        return m
    }

    func terlihat(_ id: UUID?, untuk penonton: Aktor?) async throws -> LaporanTerlihat {
        try await terlihat([try await baris(id, untuk: penonton)], untuk: penonton)[0]
    }

    /// What the viewer sees of rows read with their OPD and photos.
    func terlihat(_ baris: [BarisLaporan], untuk penonton: Aktor?) async throws -> [LaporanTerlihat] {
        try await terlihat(baris, untuk: penonton) { ($0.opd, $0.foto) }
    }

    /// The same for rows whose OPD and photos are given.
    func terlihat<D: DataLaporan>(_ baris: [D], untuk penonton: Aktor?,
                                  lampiran: (D) -> (opd: [OPDLaporan], foto: [UUID])) async throws -> [LaporanTerlihat] {
        let kalender = try await LayananPengaturan(l: l).kalender()
        // Once per page, not per row: finding the viewer's scope was 2 % of a list's time.
        let (cakupan, sekarang) = (Kebijakan.cakupanLaporan(penonton), l.sekarang)
        return try baris.map { m in
            let (opd, foto) = lampiran(m)
            return LaporanTerlihat(m, tampilan: try Self.tampilan(m, opd: opd, penonton: penonton, cakupan: cakupan),
                                   opd: opd, foto: foto, kalender: kalender, sekarang: sekarang)
        }
    }

    /// What this viewer sees of a laporan; one they may not read is not there for them.
    static func tampilan(_ m: some DataLaporan, opd: [OPDLaporan], penonton: Aktor?, cakupan: CakupanLaporan) throws -> TampilanLaporan {
        guard let t = TampilanLaporan.untuk(penonton, cakupan: cakupan, sasaran(m, opd: Set(opd.map(\.kode))), kerahasiaan: m.rahasia) else {
            throw TidakDitemukan("Laporan")
        }
        return t
    }

    /// The audit trail, for those whose scope covers the laporan, each actor's name shown only
    /// where the reporter's identity may be.
    func riwayat(_ id: UUID?, untuk aktor: Aktor?) async throws -> [PeristiwaTerlihat] {
        let b = try await baris(id, untuk: aktor, boleh: Tindakan.tanganiLaporan)
        let t = try Self.tampilan(b, opd: b.opd, penonton: aktor, cakupan: Kebijakan.cakupanLaporan(aktor))
        return try await riwayat(b, identitas: t.identitas)
    }

    func riwayat(_ m: some DataLaporan, identitas: IdentitasPelapor) async throws -> [PeristiwaTerlihat] {
        try await data.riwayat(m.id!).map { e, lampiran in
            PeristiwaTerlihat(urutan: e.urutan, aksi: e.aksi, dari: e.dari, ke: e.ke, catatan: e.catatan,
                              oleh: e.penggunaID == m.pelaporID && identitas != .lengkap ? nil : e.namaPengguna, peran: e.peran,
                              waktu: e.waktu, lampiran: lampiran.map { .init(id: $0.id!, nama: $0.namaAsli, sha256: $0.sha256) })
        }
    }

    func foto(_ id: UUID?, laporan m: BarisLaporan) async throws -> FotoLaporanModel {
        guard let id, let f = try await data.foto(id, laporan: m.id!) else { throw TidakDitemukan("Foto") }
        return f
    }

    /// What staff are told of photos that are still previews: their full photos are on the way.
    func catatanFotoMenyusul(_ laporan: UUID) async throws -> String? {
        let n = try await data.jumlahFotoMenyusul(laporan: laporan)
        return n == 0 ? nil : "\(n) foto masih berupa pratinjau kecil: foto penuhnya sedang menyusul dari ponsel pelapor (jaringan lambat)."
    }

    /// The full version of a photo its reporter sent as a preview (`FotoMenyusul`), found by
    /// its promise. Answers whether it was stored now (false: it had already arrived, a retry
    /// after a lost answer).
    func lengkapiFoto(laporan: UUID?, foto: [FotoMasuk], oleh p: Pelaku) async throws -> Bool {
        let m = try await baris(laporan, untuk: p.aktor, boleh: Tindakan.lengkapiFotoLaporan)
        guard foto.count == 1 else { throw KesalahanIsian("foto", "Kirim tepat satu foto.") }
        let b = try PenyimpanBerkas.periksa(foto, maks: 1, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")[0]
        let janji = Sidik.sha256(foto[0].bytes)
        if let f = try await data.fotoMenunggu(laporan: m.id!, janji: janji) {
            do {
                try await penyimpanFoto.dengan([b]) { nama in
                    try await data.gantiPratinjau(f, janji: janji, berkas: nama[0], tipeMime: b.jenis.mime, ukuran: b.bytes.count, sha256: b.sha256)
                }
                penyimpanFoto.hapus(f.berkas)
                return true
            } catch is DiubahBersamaan {
                // The same photo sent twice at once: the other request stored it (`dengan` removed this copy).
            }
        }
        guard try await data.adaFoto(laporan: m.id!, sha256: b.sha256) else {
            throw KesalahanIsian("foto", "Foto ini bukan foto penuh yang dijanjikan saat laporan dikirim.")
        }
        return false
    }

    func lampiran(_ id: UUID?, laporan m: BarisLaporan) async throws -> LampiranLaporanModel {
        guard let id, let f = try await data.lampiran(id, laporan: m.id!) else { throw TidakDitemukan("Lampiran") }
        return f
    }

    /// What the state machine needs of a laporan.
    func keadaan(_ m: LaporanModel) async throws -> KeadaanLaporan {
        let sensitif = try await RepositoriPengaturan(db: l.db).kategori(m.kodeKategori)?.sensitif ?? false
        let tujuan = try await data.opd(try m.requireID())
        return KeadaanLaporan(status: m.statusLaporan, dipublikasikan: m.dipublikasikan, sensitif: sensitif, pelapor: m.pelaporID,
                              wilayah: m.wilayah, kim: m.kimID, konfirmasiPertama: m.konfirmasiPertama,
                              opd: Set(tujuan.map(\.kodeOPD)), opdMenanggapi: Set(tujuan.filter { $0.ditanggapiPada != nil }.map(\.kodeOPD)))
    }

    // MARK: Submitting

    /// The categories one may choose, by name.
    func kategoriAktif() async throws -> [KategoriModel] {
        try await RepositoriPengaturan(db: l.db).kategori().filter(\.aktif)
    }

    /// The questions of a category (none for an unknown one).
    func pertanyaan(_ kategori: String?) async throws -> [Pertanyaan] {
        try await kategori.asyncMap { try await RepositoriPengaturan(db: l.db).kategori($0) }??.pertanyaan ?? []
    }

    /// The desa an actor may report from, with their kecamatan's name: a pengurus its KIM's
    /// area, the admin everywhere. A KIM that may not act cannot report at all.
    func desaPelaporan(untuk aktor: Aktor?) async throws -> [(Wilayah, kecamatan: String)] {
        let kim = try await kimPelapor(aktor)
        return try await LayananWilayah(l: l).desaDenganKecamatan()
            .filter { AturanLaporan.bolehMelapor(aktor, desa: $0.0.kode, statusKim: kim?.statusKim) }
    }

    private func kimPelapor(_ aktor: Aktor?) async throws -> KimModel? {
        let kim = try await aktor?.penugasan.kimID.asyncMap { try await RepositoriKim(db: l.db).cari($0) } ?? nil
        if let alasan = kim?.statusKim.alasanTidakBerkegiatan { throw TindakanDilarang(alasan) }
        return kim
    }

    /// Creates a laporan, or returns the one already made with the same idempotency key.
    /// The stored laporan, whether this call stored it (not a repeated idempotency key), and
    /// its photos' ids when it did. A key used again with other content is refused.
    /// `juga` runs in the laporan's own transaction: what must happen with it or not at all (a
    /// triage item taken, a chat step finished, its reply queued).
    func buat(_ isian: IsianLaporan, foto: [FotoMasuk], oleh p: Pelaku, kunci: String?, asal: AsalLaporan = AsalLaporan(),
              juga: (@Sendable (any Database, LaporanModel) async throws -> Void)? = nil) async throws -> (LaporanModel, baru: Bool, foto: [UUID]) {
        guard Kebijakan.boleh(p.aktor, asal.pesanWarga ? .olahPesanKanal : .kirimLaporan) else { throw TindakanDilarang() }
        let kunci = kunci.map { String($0.prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
        let sidik = kunci == nil ? nil : isian.sidik(foto: foto)
        if let kunci, let ada = try await ulangan(kunci, sidik: sidik, oleh: p) { return (ada, false, []) }
        let kim = try await kimPelapor(p.aktor)
        guard let kode = isian.kategori, let kategori = try await bacaKategori(kode), kategori.aktif else {
            throw KesalahanIsian("kategori", "Pilih kategori informasi.")
        }
        let laporan = try AturanLaporan.periksa(
            judul: isian.judul ?? "", isi: isian.isi ?? "", kodeDesa: isian.kodeWilayah ?? "", lat: isian.lat, lon: isian.lon,
            alamat: isian.alamat, waktuKejadian: try IsianLaporan.waktu(isian.waktuKejadian), sumber: isian.sumber,
            kerahasiaan: isian.kerahasiaan, jawaban: isian.jawaban ?? [:], pertanyaan: kategori.pertanyaan, sekarang: l.sekarang,
            daerah: l.konfigurasi.daerah)
        guard try await adaWilayah(laporan.wilayah) else {
            throw KesalahanIsian("kode_wilayah", "Desa \(laporan.wilayah.nilai) tidak ada di \(l.konfigurasi.daerah.nama).")
        }
        guard asal.pesanWarga || AturanLaporan.bolehMelapor(p.aktor, desa: laporan.wilayah, statusKim: kim?.statusKim) else {
            throw KesalahanIsian("kode_wilayah", "Desa ini berada di luar wilayah KIM Anda.")
        }
        let berkas = try PenyimpanBerkas.periksa(foto, maks: AturanLaporan.jumlahFoto, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")
        let janji = try FotoMenyusul.janji(isian.fotoMenyusul ?? [], jumlahFoto: berkas.count)

        let sekarang = l.sekarang
        let jawaban = String(decoding: try JSONEncoder().encode(laporan.jawaban), as: UTF8.self)
        let id = UUID()
        // Built inside the transaction: a group commit that fails runs it again alone, and a
        // Fluent model can be created only once.
        @Sendable func model(nomor: String) -> LaporanModel {
            let m = LaporanModel()
            (m.id, m.nomor) = (id, nomor)
            (m.judul, m.isi, m.kodeKategori, m.kodeWilayah) = (laporan.judul, laporan.isi, kategori.kode, laporan.wilayah.nilai)
            (m.kimID, m.namaKim, m.pelaporID, m.namaPelapor) = (kim?.id, kim?.nama, p.aktor.id, p.nama)
            (m.lat, m.lon, m.alamat, m.waktuKejadian) = (laporan.lat, laporan.lon, laporan.alamat, laporan.waktuKejadian)
            (m.sumber, m.kerahasiaan, m.jawabanJSON) = (laporan.sumber.rawValue, laporan.kerahasiaan.rawValue, jawaban)
            (m.status, m.dipublikasikan, m.kunciIdempotensi, m.sidikPermintaan) = (StatusLaporan.masuk.rawValue, false, kunci, sidik)
            (m.dibuatPada, m.diubahPada, m.versi) = (sekarang, sekarang, 0)
            (m.kanal, m.ditulisPada, m.nomorPengirim) = (asal.kanal.rawValue, asal.ditulis, asal.nomorPengirim)
            return m
        }
        let tahun = Tanggal(sekarang).tahun
        // The recipients of a new laporan do not depend on its number.
        let alamat = try await RepositoriNotifikasi(db: l.db, jam: l.jam).alamat([.laporanBaru(nomor: "")], cache: l.cache.alamat)
        let l = l
        do {
            return try await penyimpanFoto.dengan(berkas) { nama in
                let foto = zip(berkas, nama).enumerated().map { ($1.0, $1.1, UUID(), janji[$0]) }
                let m = try await l.gerbang.transaksi(l.db, kelompok: true) { db in
                    let m = model(nomor: AturanLaporan.nomor(tahun: tahun, urut: try await Penomoran.ambil(tahun: tahun, on: db).lowerBound))
                    try await RepositoriLaporan(db: db).sisipkan(m, foto: foto.map { b, berkas, idFoto, janji in
                        let f = FotoLaporanModel()
                        (f.id, f.$laporan.id) = (idFoto, id)
                        (f.berkas, f.tipeMime, f.ukuran, f.sha256, f.sha256Penuh) = (berkas, b.jenis.mime, b.bytes.count, b.sha256, janji)
                        return f
                    })
                    try await Self.catat(m, aksi: "dibuat", dari: "", ke: StatusLaporan.masuk.rawValue, catatan: nil, data: [:], oleh: p,
                                         l: l.dengan(db: db), pertama: true)
                    // In the same transaction: no laporan without its notices.
                    try await RepositoriNotifikasi(db: db, jam: l.jam).kirim(
                        [.init(pemberitahuan: .laporanBaru(nomor: m.nomor), tautan: "/laporan/\(id)")], ke: alamat)
                    try await juga?(db, m)
                    return m
                }
                return (m, true, foto.map(\.2))
            }
        } catch where (error as? any DatabaseError)?.isConstraintFailure == true {
            // The same key sent twice at once: the other request stored it.
            if let kunci, let ada = try await ulangan(kunci, sidik: sidik, oleh: p) { return (ada, false, []) }
            throw error
        }
    }

    /// The laporan this reporter already sent with this key, if any; refused when it was sent
    /// with other content (laporan stored before fingerprints were kept are answered as they are).
    private func ulangan(_ kunci: String, sidik: String?, oleh p: Pelaku) async throws -> LaporanModel? {
        guard let ada = try await data.dengan(kunci: kunci, pelapor: p.aktor.id) else { return nil }
        if let lama = ada.sidikPermintaan, lama != sidik { throw KunciIdempotensiDipakai() }
        return ada
    }

    /// Read before every submission, so kept by the server a few seconds (`CacheServer`).
    private func bacaKategori(_ kode: String) async throws -> KategoriLaporan? {
        let db = l.db
        return try await l.cache.kategori.ambil(kode) { try await RepositoriPengaturan(db: db).kategori(kode).map(KategoriLaporan.init) }
    }

    private func adaWilayah(_ kode: KodeWilayah) async throws -> Bool {
        let db = l.db
        return try await l.cache.wilayah.ambil(kode.nilai) { try await RepositoriWilayah(db: db).ada(kode) ? true : nil } ?? false
    }

    // MARK: Acting

    /// Runs an action through the core's state machine and records it in the audit trail, with
    /// its attachments. The change is written only if the laporan is still in the state it was
    /// decided from: the version read here, or `versi`, the one the actor saw (`Berversi`).
    /// Everything an action would check, without doing it: the confirmation step of an action
    /// that cannot be taken back (`AksiLaporan.akibat`) runs it first.
    @discardableResult
    func periksa(_ aksi: AksiLaporan, pada m: LaporanModel, data: DataAksiLaporan, oleh p: Pelaku,
                 lampiran: [FotoMasuk] = [], versi: Int? = nil) async throws -> (HasilAksiLaporan, [PenyimpanBerkas.Berkas]) {
        if let versi, versi != m.versi { throw DiubahBersamaan() }
        let hasil = try SiklusLaporan.jalankan(aksi, pada: try await keadaan(m), oleh: p.aktor, data: data)
        guard aksi.bolehLampiran || lampiran.isEmpty else {
            throw KesalahanIsian("lampiran", "\(aksi.label) tidak disertai lampiran.")
        }
        let berkas = try PenyimpanBerkas.periksa(lampiran, maks: AturanLaporan.jumlahLampiran, terima: AturanLaporan.jenisLampiran,
                                                 bidang: "lampiran", label: "Lampiran")
        if aksi == .teruskan {
            let kodeOPD = Array(Set(data.opd)).sorted()
            let ada = try await RepositoriOPD(db: l.db).aktif(kodeOPD)
            if let asing = kodeOPD.first(where: { !ada.contains($0) }) {
                throw KesalahanIsian("opd", "OPD \(asing.prefix(40)) tidak dikenal atau tidak aktif.")
            }
        }
        return (hasil, berkas)
    }

    func jalankan(_ aksi: AksiLaporan, pada m: LaporanModel, data: DataAksiLaporan, oleh p: Pelaku,
                  lampiran: [FotoMasuk] = [], versi: Int? = nil) async throws {
        let (hasil, berkas) = try await periksa(aksi, pada: m, data: data, oleh: p, lampiran: lampiran, versi: versi)
        let kodeOPD = Array(Set(data.opd)).sorted()
        let sekarang = l.sekarang
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
        let alamat = try await RepositoriNotifikasi(db: l.db, jam: l.jam).alamat(pesan, cache: l.cache.alamat)
        let (l, id) = (l, try m.requireID())
        // A laporan that came by chat tells its reporter there, in the same transaction.
        let kabar = try await AntreanKanal(l: l).kabarPelapor(m, pesan: pesan, opd: kodeOPD, alasan: data.alasan?.label,
                                                              hasil: aksi == .selesaikan ? catatan : nil, catatan: catatan)
        try await penyimpanLampiran.dengan(berkas) { simpanBerkas in
            try await l.gerbang.transaksi(l.db) { db in
                let data = RepositoriLaporan(db: db)
                // First: a laporan changed since the decision stops everything that follows it.
                try await m.simpanBersyarat(on: db)
                if aksi == .teruskan {
                    try await data.teruskan(kodeOPD.map { kode in
                        let o = LaporanOPDModel()
                        (o.$laporan.id, o.kodeOPD, o.instruksi, o.diteruskanPada) = (id, kode, catatan ?? "", sekarang)
                        return o
                    })
                }
                // Acknowledging or acting is the OPD's response (the admin answers for all).
                if aksi == .terima || aksi == .tindaklanjuti { try await data.tandaiDitanggapi(id, opd: opdSaya, pada: sekarang) }
                try await Self.catat(m, aksi: aksi.rawValue, dari: dari.rawValue, ke: hasil.status.rawValue, catatan: catatan,
                                     data: dataPeristiwa, oleh: p, l: l.dengan(db: db),
                                     lampiran: zip(berkas, simpanBerkas).map { b, nama in
                                         let f = LampiranLaporanModel()
                                         f.$laporan.id = id
                                         (f.namaAsli, f.berkas, f.tipeMime, f.ukuran, f.sha256) = (b.namaAsli, nama, b.jenis.mime, b.bytes.count, b.sha256)
                                         return f
                                     })
                try await RepositoriNotifikasi(db: db, jam: l.jam).kirim(
                    pesan.map { .init(pemberitahuan: $0, tautan: "/laporan/\(id)", pelapor: m.pelaporID) }, ke: alamat)
                try await kabar?(db)
            }
        }
    }

    /// Appends an event, with its attachments, to the laporan's hash chain.
    private static func catat(_ m: LaporanModel, aksi: String, dari: String, ke: String, catatan: String?, data: [String: String],
                              oleh p: Pelaku, l: Lingkungan, pertama: Bool = false, lampiran: [LampiranLaporanModel] = []) async throws {
        let repo = RepositoriLaporan(db: l.db)
        // A new laporan's first event has no predecessor to read.
        let sebelumnya = pertama ? nil : try await repo.peristiwaTerakhir(try m.requireID())
        let e = PeristiwaLaporanModel()
        e.id = UUID()
        e.$laporan.id = try m.requireID()
        e.urutan = (sebelumnya?.urutan ?? 0) + 1
        (e.aksi, e.dari, e.ke, e.catatan) = (aksi, dari, ke, catatan)
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        e.data = String(decoding: try enc.encode(data), as: UTF8.self)
        (e.penggunaID, e.namaPengguna, e.peran) = (p.aktor.id, p.nama, p.aktor.peran.rawValue)
        // Millisecond precision, as both databases store it, so the hash can be recomputed.
        e.waktu = Date(timeIntervalSince1970: (l.sekarang.timeIntervalSince1970 * 1000).rounded() / 1000)
        e.hashSebelum = sebelumnya?.hash ?? RantaiAudit.awal
        e.hash = RantaiAudit.hash(sebelum: e.hashSebelum, isi: e.isiKanonik, sha256: Sidik.sha256)
        for f in lampiran { f.$peristiwa.id = e.id! }
        try await repo.sisipkan(e, lampiran: lampiran)
    }

    /// Checks every laporan's chain; returns the numbers of those whose history was altered.
    /// Besides the hashes, each event must start where the one before it ended, numbered
    /// without gaps or repeats (`RantaiAudit.putus`), and the chain must end in the laporan's
    /// current state, so that cutting off its last events is caught too. With the number of
    /// laporan checked.
    func periksaAudit() async throws -> (rusak: [String], jumlah: Int) {
        let (semuaLaporan, semua) = try await data.semuaUntukAudit()
        let laporan = Dictionary(uniqueKeysWithValues: semuaLaporan.map { ($0.id!, $0) })
        let nomor = laporan.mapValues(\.nomor)
        var rusak: [String] = []
        for (id, rantai) in Dictionary(grouping: semua, by: { $0.$laporan.id }) {
            let urut = rantai.sorted { $0.urutan < $1.urutan }
            let utuh = RantaiAudit.putus(urut.map { .init(urutan: $0.urutan, dari: $0.dari, ke: $0.ke) }) == nil
            let cocok = urut.last?.ke == laporan[id]?.status
            if !utuh || !cocok || RantaiAudit.periksa(urut.map { .init(isi: $0.isiKanonik, hashSebelum: $0.hashSebelum, hash: $0.hash) },
                                                      sha256: Sidik.sha256) != nil {
                rusak.append(nomor[id] ?? id.uuidString)
            }
        }
        // A laporan whose whole history was deleted is altered too.
        let berriwayat = Set(semua.map(\.$laporan.id))
        rusak += nomor.filter { !berriwayat.contains($0.key) }.map(\.value)
        return (rusak.sorted(), laporan.count)
    }
}

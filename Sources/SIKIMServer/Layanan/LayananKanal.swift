import FluentKit
import Foundation
import SIKIMCore
import SIKIMData

/// Where a channel fetches the photo behind a message (WhatsApp's media endpoint).
protocol PengambilMedia: Sendable {
    func ambil(_ media: String) async throws -> FotoMasuk
}

/// Messages that came in over WhatsApp or SMS (issue 21), turned into the same laporan,
/// kegiatan and reach reports as the pages make, through the same services. A message is
/// stored first (its gateway id unique), then acted on; acting finishes in one transaction with
/// the conversation's next state, the message's new status and the replies, so a message acted
/// on twice (a redelivery, the background pass after a crash) changes nothing the second time.
struct LayananKanal {
    let l: Lingkungan
    /// For the desa a location pin falls in.
    let batas: BatasDesa?

    private var data: RepositoriKanal { RepositoriKanal(db: l.db) }
    var penyimpan: PenyimpanBerkas { PenyimpanBerkas(direktori: l.konfigurasi.direktoriData + "/kanal") }
    private var antrean: AntreanKanal { AntreanKanal(l: l) }

    /// Stores a message and acts on it. Once this returns the message is committed: the
    /// gateway may be answered 200. A failure to act is logged (without the number) and left to
    /// `selesaikanTertunda`.
    func terima(_ p: PesanMasuk, media: (any PengambilMedia)?) async throws {
        let m = PesanKanalModel()
        (m.id, m.kanal, m.idLuar, m.pengirim) = (UUID(), p.dari.kanal.rawValue, String(p.idLuar.prefix(200)), p.dari.nomor)
        (m.jenis, m.status, m.diterimaPada, m.versi) = (p.isi.jenis, StatusPesanKanal.diterima.rawValue, l.sekarang, 0)
        switch p.isi {
        case .teks(let t): m.teks = String(t.prefix(4000))
        case .foto(let id, let ket): (m.media, m.teks) = (id, String((ket ?? "").prefix(4000)))
        case .lokasi(let lat, let lon): (m.lat, m.lon, m.teks) = (lat, lon, "")
        case .pilihan(let id, let judul): (m.media, m.teks) = (id, String(judul.prefix(200)))
        case .lain(let jenis): m.teks = "(\(jenis.prefix(40)))"
        }
        let (baris, _) = try await data.simpan(m)
        guard baris.status == StatusPesanKanal.diterima.rawValue else { return }
        do { try await proses(baris, media: media) } catch {
            l.logger.warning("Pesan kanal belum dapat diproses; dicoba lagi nanti", metadata: ["pesan": .string(baris.id?.uuidString ?? ""),
                                                                                               "galat": .string(String(describing: error).prefix(200).description)])
        }
    }

    /// Messages a crash left stored but not acted on, oldest first.
    func selesaikanTertunda(media: (any PengambilMedia)?, umur: TimeInterval = 5) async throws {
        for m in try await data.belumDiproses(sebelum: l.sekarang.addingTimeInterval(-umur)) {
            try await proses(m, media: media)
        }
    }

    /// Acts on a stored message; a conversation changed by another message of the same person
    /// at the same instant is read again.
    func proses(_ pesan: PesanKanalModel, media: (any PengambilMedia)?) async throws {
        var m = pesan
        for percobaan in 1...4 {
            do {
                try await prosesSekali(m, media: media)
                return
            } catch is DiubahBersamaan where percobaan < 4 {
                guard let baru = try await data.pesan(try m.requireID()), baru.status == StatusPesanKanal.diterima.rawValue else { return }
                m = baru
            }
        }
    }

    private func prosesSekali(_ m: PesanKanalModel, media: (any PengambilMedia)?) async throws {
        guard let alamat = m.alamat else { return }
        if m.jenis == "foto", m.berkas == nil, let id = m.media { try await ambilFoto(m, id: id, media: media) }
        let pengurus = try await pengurus(alamat)
        let obrolan = try await data.percakapan(alamat, pesanPada: l.sekarang)
        let lama = obrolan.keadaan.flatMap { try? JSONDecoder().decode(Percakapan.self, from: Data($0.utf8)) }
        let hasil = Percakapan.lanjut(lama, isi(m), pengurus: pengurus != nil, try await konteks(alamat.kanal, pengurus: pengurus))
        var percakapan = hasil.percakapan
        var balasan = hasil.balasan
        var status = StatusPesanKanal.diproses
        var juga: (@Sendable (any Database) async throws -> Void)?

        switch hasil.akibat {
        case .tidakAda: break
        case .triase:
            status = .triase
            // Acknowledged once per half hour, not for every message of a burst.
            let kunci = "terima:\(alamat.teks):\(Int(l.sekarang.timeIntervalSince1970 / 1800))"
            if let k = antrean.pesan(kunci, ke: alamat, Percakapan.Balasan(KabarKanal.pesanWargaDiterima)) {
                juga = { db in try await RepositoriKanal(db: db).antre([k]) }
            }
        case .kirimLaporan(let draf):
            guard let pengurus else { break }
            do {
                try await kirimLaporan(draf, m, alamat: alamat, oleh: pengurus, obrolan: obrolan)
                return
            } catch let e as any KesalahanBerpesan where !(e is DiubahBersamaan) {
                // Kept at the confirmation: the person may fix it or cancel.
                percakapan = lama.map { var p = $0; p.diubah = l.sekarang; return p }
                balasan = [Percakapan.Balasan("Laporan belum dapat dikirim: \(e.pesan) Ketik BATAL untuk membatalkan.")]
            }
        case .catatKegiatan(let judul):
            balasan += [Percakapan.Balasan(try await catatKegiatan(judul, m, oleh: pengurus))]
        case .laporkanJangkauan(let n):
            balasan += [Percakapan.Balasan(try await laporkanJangkauan(n, m, alamat: alamat, oleh: pengurus))]
        case .lihatStatus(let nomor):
            balasan += [Percakapan.Balasan(try await statusLaporan(nomor, alamat: alamat, oleh: pengurus))]
        case .daftarkanNomor(let kode):
            let (teks, simpan) = try await daftarkan(kode, alamat: alamat)
            balasan += [Percakapan.Balasan(teks)]
            juga = simpan
        }
        try await selesai(m, status: status, obrolan: obrolan, percakapan: percakapan, balasan: balasan, alamat: alamat, juga: juga)
    }

    /// The message's end: its status, the conversation's next state and the replies, together.
    private func selesai(_ m: PesanKanalModel, status: StatusPesanKanal, obrolan: PercakapanKanalModel, percakapan: Percakapan?,
                         balasan: [Percakapan.Balasan], alamat: AlamatKanal, db: (any Database)? = nil,
                         juga: (@Sendable (any Database) async throws -> Void)? = nil) async throws {
        let id = try m.requireID()
        let kiriman = balasan.enumerated().compactMap { antrean.pesan("balas:\(id):\($0.offset)", ke: alamat, $0.element) }
        m.status = status.rawValue
        obrolan.keadaan = percakapan.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        obrolan.pesanTerakhir = max(obrolan.pesanTerakhir, m.diterimaPada)
        @Sendable func tulis(_ db: any Database) async throws {
            try await m.simpanBersyarat(on: db)
            try await obrolan.simpanBersyarat(on: db)
            try await RepositoriKanal(db: db).antre(kiriman)
            try await juga?(db)
        }
        if let db { try await tulis(db) } else { try await l.db.transaksi(tulis) }
    }

    private func isi(_ m: PesanKanalModel) -> PesanMasuk.Isi {
        switch m.jenis {
        case "foto": .foto(media: m.media ?? "", keterangan: m.teks.isEmpty ? nil : m.teks)
        case "lokasi": .lokasi(lat: m.lat ?? 0, lon: m.lon ?? 0)
        case "pilihan": .pilihan(id: m.media ?? "", judul: m.teks)
        case "lain": .lain(m.teks)
        default: .teks(m.teks)
        }
    }

    /// Fetches, checks and stores the photo behind a message, before anything acts on it.
    private func ambilFoto(_ m: PesanKanalModel, id: String, media: (any PengambilMedia)?) async throws {
        guard let media else { return }
        let berkas = try PenyimpanBerkas.periksa([try await media.ambil(id)], maks: 1, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")
        try await penyimpan.dengan(berkas) { nama in
            (m.berkas, m.tipeMime) = (nama[0], berkas[0].jenis.mime)
            try await m.simpanBersyarat(on: l.db)
        }
    }

    /// The pengurus account a confirmed number belongs to; nil for anyone else.
    private func pengurus(_ alamat: AlamatKanal) async throws -> PenggunaModel? {
        guard let n = try await data.nomor(alamat.nomor), n.dikonfirmasiPada != nil,
              let p = try await RepositoriPengguna(db: l.db).cari(n.penggunaID), p.aktif, p.kimID != nil else { return nil }
        return p
    }

    private func konteks(_ kanal: JenisKanal, pengurus: PenggunaModel?) async throws -> Percakapan.Konteks {
        let desa = try await LayananWilayah(l: l).desaDenganKecamatan()
            .map { PencocokDesa.Desa(kode: $0.0.kode.nilai, nama: $0.0.nama, kecamatan: $0.kecamatan) }
        let perKode = Dictionary(desa.map { ($0.kode, $0) }, uniquingKeysWith: { a, _ in a })
        let kategori = try await LayananLaporan(l: l).kategoriAktif()
            .compactMap { k in k.id.map { Percakapan.Kategori(kode: $0, nama: k.nama, pertanyaan: k.pertanyaan) } }
        let batas = batas
        return Percakapan.Konteks(kanal: kanal, kategori: kategori, desa: PencocokDesa(desa),
                                  desaDiTitik: { lat, lon in batas?.desaDi(lat: lat, lon: lon).flatMap { perKode[$0] } },
                                  desaKim: pengurus?.kodeWilayah.flatMap { perKode[$0] }, namaDesa: { perKode[$0] },
                                  maksFoto: AturanLaporan.jumlahFoto, sekarang: l.sekarang)
    }

    private func pelaku(_ p: PenggunaModel) throws -> Pelaku { Pelaku(aktor: try p.aktor(), nama: p.nama) }

    // MARK: What messages do

    /// The laporan, the message's end and the reply with its number: one transaction.
    private func kirimLaporan(_ d: Percakapan.Draf, _ m: PesanKanalModel, alamat: AlamatKanal, oleh p: PenggunaModel,
                              obrolan: PercakapanKanalModel) async throws {
        var isian = IsianLaporan()
        (isian.kategori, isian.judul, isian.isi, isian.kodeWilayah) = (d.kategori, d.judul, d.isi, d.desa)
        (isian.lat, isian.lon, isian.jawaban) = (d.lat.map { String($0) }, d.lon.map { String($0) }, d.jawaban)
        let foto = try await data.foto(media: d.foto, pengirim: alamat.nomor).compactMap { f -> FotoMasuk? in
            guard let b = f.berkas, let isi = FileManager.default.contents(atPath: penyimpan.jalur(b)) else { return nil }
            return FotoMasuk(nama: "whatsapp-\(f.idLuar.suffix(12)).jpg", bytes: [UInt8](isi))
        }
        let layanan = self
        _ = try await LayananLaporan(l: l).buat(isian, foto: foto, oleh: try pelaku(p), kunci: "kanal:\(try m.requireID())",
                                                asal: AsalLaporan(kanal: alamat.kanal.kanalLaporan, nomorPengirim: alamat.nomor)) { db, laporan in
            try await layanan.selesai(m, status: .diproses, obrolan: obrolan, percakapan: nil,
                                      balasan: [Percakapan.Balasan(KabarKanal.laporanTercatat(laporan.nomor))], alamat: alamat, db: db)
        }
    }

    private func catatKegiatan(_ judul: String, _ m: PesanKanalModel, oleh p: PenggunaModel?) async throws -> String {
        guard let p, let kimID = p.kimID, let kim = try await RepositoriKim(db: l.db).cari(kimID) else { return "Nomor ini belum terhubung dengan KIM." }
        do {
            let tempat = try await p.kodeWilayah.asyncMap { try await LayananWilayah(l: l).nama([$0])[$0] } ?? nil
            let (k, _, _) = try await LayananAktivitas(l: l).catatKegiatan(
                kim, jenis: JenisKegiatan.lainnya.rawValue, tanggal: l.hariIni.iso, tempat: tempat ?? kim.nama, uraian: judul, peserta: nil,
                foto: [], oleh: try p.aktor(), kunci: "kanal:\(try m.requireID())")
            return "Kegiatan \"\(k.uraian.prefix(80))\" tercatat untuk \(TanggalIndonesia.panjang(l.hariIni)). Lengkapi foto dan peserta di aplikasi SIKIM bila perlu."
        } catch let e as any KesalahanBerpesan where !(e is DiubahBersamaan) {
            return "Kegiatan belum dapat dicatat: \(e.pesan)"
        }
    }

    private func laporkanJangkauan(_ n: Int, _ m: PesanKanalModel, alamat: AlamatKanal, oleh p: PenggunaModel?) async throws -> String {
        guard let p, let kim = p.kimID, let (materi, _) = try await RepositoriMateri(db: l.db).terakhir(kim: kim) else {
            return "Belum ada materi diseminasi untuk KIM Anda."
        }
        do {
            let saluran = alamat.kanal == .whatsapp ? SaluranDiseminasi.grupWhatsapp : .lainnya
            try await LayananDiseminasi(l: l).laporkan(materi, IsianPenyebaran(saluran: [saluran.rawValue], tanggal: l.hariIni.iso, jangkauan: String(n),
                                                                                catatan: "Dilaporkan lewat \(alamat.kanal.label)."),
                                                       foto: [], oleh: try p.aktor(), kunci: "kanal:\(try m.requireID())")
            return "Terima kasih. Penyebaran materi \"\(materi.judul.prefix(80))\" kepada \(Angka.ribuan(n)) warga tercatat."
        } catch let e as any KesalahanBerpesan where !(e is DiubahBersamaan) {
            return "Jangkauan belum dapat dicatat: \(e.pesan)"
        }
    }

    /// A laporan's status, for its reporter's number or anyone whose account may read it.
    private func statusLaporan(_ nomor: String, alamat: AlamatKanal, oleh p: PenggunaModel?) async throws -> String {
        guard let m = try await RepositoriLaporan(db: l.db).cari(nomor: nomor) else { return KabarKanal.statusTidakAda(nomor) }
        let opd = try await RepositoriLaporan(db: l.db).opd(try m.requireID()).map(\.kodeOPD)
        let sasaran = LayananLaporan.sasaran(m, opd: Set(opd))
        let aktor = try p?.aktor()
        let boleh = m.nomorPengirim == alamat.nomor || (aktor != nil && Kebijakan.boleh(aktor, .lihatLaporan(sasaran)))
        guard boleh else { return KabarKanal.statusTidakAda(nomor) }
        let nama = try await RepositoriOPD(db: l.db).nama()
        return KabarKanal.status(nomor: m.nomor, status: m.statusLaporan, opd: opd.map { nama[$0] ?? $0 })
    }

    /// Ties the number to the account that asked for this code.
    private func daftarkan(_ kode: String, alamat: AlamatKanal) async throws -> (String, (@Sendable (any Database) async throws -> Void)?) {
        let salah = "Kode tidak cocok atau sudah kedaluwarsa. Minta kode baru di halaman Akun SIKIM."
        guard let n = try await data.nomor(alamat.nomor), n.dikonfirmasiPada == nil, n.kode != nil else { return (salah, nil) }
        guard AturanNomorKanal.cocok(dikirim: kode, hashTersimpan: n.kode, berlaku: n.kodeBerlaku, salah: n.salah, sekarang: l.sekarang,
                                     sha256: { Sidik.sha256($0) }) else {
            // Counted, so that a forged sender id cannot try its way through.
            n.salah += 1
            return (salah, { db in try await n.simpanBersyarat(on: db) })
        }
        (n.dikonfirmasiPada, n.kode, n.kodeBerlaku, n.kanal) = (l.sekarang, nil, nil, alamat.kanal.rawValue)
        return ("Nomor ini kini terhubung dengan akun SIKIM Anda. Ketik LAPOR untuk mengirim laporan, atau BANTUAN untuk melihat perintah.",
                { db in try await n.simpanBersyarat(on: db) })
    }

    // MARK: Numbers tied to accounts

    /// A code for the account to send from `nomor`; shown once, kept as a hash.
    func mintaKode(_ nomorMentah: String, untuk p: PenggunaModel) async throws -> (NomorKanalModel, kode: String) {
        guard Kebijakan.boleh(try p.aktor(), .hubungkanNomor) else { throw TindakanDilarang("Hanya pengurus KIM yang dapat menghubungkan nomor WhatsApp/SMS.") }
        guard l.konfigurasi.kanal.adaYangAktif else { throw KesalahanIsian("nomor", "Layanan WhatsApp/SMS belum diaktifkan oleh Diskominfosatik.") }
        let nomor = try NomorTelepon.normalisasi(nomorMentah, bidang: "nomor")
        let kode = String(format: "%06d", Int.random(in: 0..<1_000_000))
        let id = try p.requireID()
        if let ada = try await data.nomor(nomor) {
            guard ada.penggunaID == id || ada.dikonfirmasiPada == nil else {
                throw KesalahanIsian("nomor", "Nomor ini sudah terhubung dengan akun lain.")
            }
            (ada.penggunaID, ada.kode, ada.kodeBerlaku, ada.dikonfirmasiPada, ada.salah) =
                (id, Sidik.sha256(kode), l.sekarang + AturanNomorKanal.umurKode, nil, 0)
            try await ada.simpanBersyarat(on: l.db)
            return (ada, kode)
        }
        let m = NomorKanalModel()
        (m.id, m.nomor, m.penggunaID, m.kode, m.kodeBerlaku, m.salah) = (UUID(), nomor, id, Sidik.sha256(kode), l.sekarang + AturanNomorKanal.umurKode, 0)
        (m.dibuatPada, m.versi) = (l.sekarang, 0)
        do { try await m.create(on: l.db) } catch where (error as? any DatabaseError)?.isConstraintFailure == true { throw DiubahBersamaan() }
        return (m, kode)
    }

    /// The numbers tied (or waiting to be tied) to an account.
    func nomor(untuk p: PenggunaModel) async throws -> [NomorKanalModel] { try await data.nomor(pengguna: try p.requireID()) }

    /// Unties one of the account's own numbers: chat messages from it are a citizen's again.
    func lepasNomor(_ id: UUID?, untuk p: PenggunaModel) async throws {
        guard let id, try await data.hapusNomor(id, pengguna: try p.requireID()) else { throw TidakDitemukan("Nomor") }
    }

    // MARK: The triage inbox

    /// A citizen's message as a laporan, made by a verifikator; the message is taken in the
    /// laporan's own transaction, conditional on the version the verifikator saw (two at once:
    /// one laporan, the other 409).
    func jadikanLaporan(_ id: UUID?, _ isian: IsianLaporan, versi: Int?, oleh p: Pelaku) async throws -> LaporanModel {
        let m = try await pesanTriase(id, oleh: p.aktor)
        if let versi, versi != m.versi { throw DiubahBersamaan() }
        guard let alamat = m.alamat else { throw TidakDitemukan("Pesan") }
        let foto = try m.berkas.map { b -> [FotoMasuk] in
            guard let isi = FileManager.default.contents(atPath: penyimpan.jalur(b)) else { throw TidakDitemukan("Foto") }
            return [FotoMasuk(nama: "pesan-\(alamat.kanal.rawValue).jpg", bytes: [UInt8](isi))]
        } ?? []
        var isian = isian
        isian.sumber = isian.sumber ?? SumberInformasi.informasiWarga.rawValue
        let (pelapor, antrean) = (p.aktor.id, antrean)
        let (laporan, _, _) = try await LayananLaporan(l: l).buat(
            isian, foto: foto, oleh: p, kunci: "triase:\(try m.requireID())",
            asal: AsalLaporan(kanal: alamat.kanal.kanalLaporan, nomorPengirim: alamat.nomor, pesanWarga: true)) { db, laporan in
                (m.status, m.laporanID, m.ditanganiOleh) = (StatusPesanKanal.dijadikan.rawValue, laporan.id, pelapor)
                try await m.simpanBersyarat(on: db)
                let k = antrean.pesan("triase:\(m.id!)", ke: alamat, Percakapan.Balasan(KabarKanal.pesanDijadikanLaporan(laporan.nomor)))
                try await RepositoriKanal(db: db).antre(k.map { [$0] } ?? [])
            }
        return laporan
    }

    /// Sets a citizen's message aside with a reason, which the sender is told.
    func abaikan(_ id: UUID?, alasan: String?, versi: Int?, oleh aktor: Aktor) async throws {
        let m = try await pesanTriase(id, oleh: aktor)
        if let versi, versi != m.versi { throw DiubahBersamaan() }
        guard let a = alasan.flatMap(AlasanAbaikanPesan.init(rawValue:)) else { throw KesalahanIsian("alasan", "Pilih alasan pesan ini diabaikan.") }
        (m.status, m.alasan, m.ditanganiOleh) = (StatusPesanKanal.diabaikan.rawValue, a.rawValue, aktor.id)
        let id = try m.requireID()
        let k = a.balasan.flatMap { t in m.alamat.flatMap { antrean.pesan("abaikan:\(id)", ke: $0, Percakapan.Balasan(t)) } }
        try await l.db.transaksi { db in
            try await m.simpanBersyarat(on: db)
            try await RepositoriKanal(db: db).antre(k.map { [$0] } ?? [])
        }
    }

    /// A message in the triage inbox, for those who may take messages in.
    func pesanTriase(_ id: UUID?, oleh aktor: Aktor?) async throws -> PesanKanalModel {
        guard Kebijakan.boleh(aktor, .olahPesanKanal) else { throw TindakanDilarang() }
        guard let id, let m = try await data.pesan(id) else { throw TidakDitemukan("Pesan") }
        guard m.status == StatusPesanKanal.triase.rawValue else {
            throw m.status == StatusPesanKanal.diterima.rawValue || m.status == StatusPesanKanal.diproses.rawValue
                ? TidakDitemukan("Pesan") : DiubahBersamaan()
        }
        return m
    }

    /// The inbox and its messages handled, for staff.
    func daftar(_ status: StatusPesanKanal, oleh aktor: Aktor?, batas: Int = 50, sebelum: Date? = nil) async throws -> [PesanKanalModel] {
        guard Kebijakan.boleh(aktor, .olahPesanKanal) else { throw TindakanDilarang() }
        return try await data.daftar(status: status, batas: batas, setelah: sebelum)
    }

    /// A message, whatever its state, for staff (its photo, the page after it was handled).
    func pesan(_ id: UUID?, oleh aktor: Aktor?) async throws -> PesanKanalModel {
        guard Kebijakan.boleh(aktor, .olahPesanKanal) else { throw TindakanDilarang() }
        guard let id, let m = try await data.pesan(id), m.status != StatusPesanKanal.diterima.rawValue,
              m.status != StatusPesanKanal.diproses.rawValue else { throw TidakDitemukan("Pesan") }
        return m
    }
}

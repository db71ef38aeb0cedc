import Foundation
import SIKIMCore
import SIKIMData

/// A materi as a form or JSON sends it.
struct IsianMateri: Codable, Sendable {
    var judul, ringkasan, isi, jenis, batasWaktu, sasaran: String?
    var kecamatan: [String]?
    var kim: [String]?
    /// How many KIMs the publisher was shown before confirming: publishing refuses another
    /// count, so a target that changed meanwhile is shown again, never sent unseen.
    var jumlahSasaran: Int?
    enum CodingKeys: String, CodingKey {
        case judul, ringkasan, isi, jenis, sasaran, kecamatan, kim, batasWaktu = "batas_waktu", jumlahSasaran = "jumlah_sasaran"
    }
}

/// A KIM's report of how it passed a materi on.
struct IsianPenyebaran: Codable, Sendable {
    var saluran: [String]?
    var tanggal: String?
    var jangkauan: String?
    var catatan: String?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        saluran = try c.decodeIfPresent([String].self, forKey: .saluran)
        tanggal = try c.decodeIfPresent(String.self, forKey: .tanggal)
        jangkauan = try c.teksAtauAngka(.jangkauan)
        catatan = try c.decodeIfPresent(String.self, forKey: .catatan)
    }
    enum CodingKeys: String, CodingKey { case saluran, tanggal, jangkauan, catatan }

    init(saluran: [String], tanggal: String, jangkauan: String, catatan: String?) {
        (self.saluran, self.tanggal, self.jangkauan, self.catatan) = (saluran, tanggal, jangkauan, catatan)
    }
}

/// Diseminasi: the office publishes materi to all KIMs, the KIMs of chosen kecamatan, or
/// chosen KIMs; each targeted KIM reads it and reports how it passed it on and to how many.
struct LayananDiseminasi {
    let l: Lingkungan
    private var data: RepositoriMateri { RepositoriMateri(db: l.db) }

    var penyimpan: PenyimpanBerkas { PenyimpanBerkas(direktori: l.konfigurasi.direktoriData + "/diseminasi") }

    /// A publication as checked, before it is made: the materi, its target, the active KIMs the
    /// target reaches now, and the attachments.
    struct Rencana {
        let materi: MateriBaru
        let sasaran: SasaranMateri
        let kim: [KimModel]
        let berkas: [PenyimpanBerkas.Berkas]
    }

    /// Checks everything a publication needs, without publishing: the confirmation step shows
    /// what it would reach.
    func periksa(_ i: IsianMateri, lampiran: [FotoMasuk], oleh aktor: Aktor) async throws -> Rencana {
        guard AturanDiseminasi.bolehMenerbitkan(aktor) else { throw TindakanDilarang() }
        var galat = KesalahanIsian()
        func cek<T>(_ f: () throws -> T) throws -> T? {
            do { return try f() } catch let e as KesalahanIsian { galat.gabung(e); return nil }
        }
        let m = try cek {
            try AturanDiseminasi.materi(judul: i.judul ?? "", ringkasan: i.ringkasan ?? "", isi: i.isi ?? "", jenis: i.jenis ?? "",
                                        batasWaktu: i.batasWaktu ?? "", hariIni: l.hariIni)
        }
        let sasaran = try cek { try SasaranMateri.periksa(i.sasaran, kecamatan: i.kecamatan ?? [], kim: i.kim ?? []) }
        let berkas = try cek {
            try PenyimpanBerkas.periksa(lampiran, maks: 5, terima: AturanLaporan.jenisLampiran, bidang: "lampiran", label: "Lampiran")
        }
        guard galat.kosong, let m, let sasaran, let berkas else { throw galat }
        let kim = try await RepositoriKim(db: l.db).aktif().filter { sasaran.mencakup(kim: $0.id!, wilayah: $0.wilayah) }
        guard !kim.isEmpty else { throw KesalahanIsian("sasaran", "Tidak ada KIM aktif pada sasaran ini.") }
        return Rencana(materi: m, sasaran: sasaran, kim: kim, berkas: berkas)
    }

    /// Publishes a materi with one copy for each targeted active KIM, its attachments and its
    /// notices: all in one transaction, or nothing.
    func terbitkan(_ i: IsianMateri, lampiran: [FotoMasuk], oleh aktor: Aktor) async throws -> MateriModel {
        let r = try await periksa(i, lampiran: lampiran, oleh: aktor)
        let (m, sasaran, kim, berkas) = (r.materi, r.sasaran, r.kim, r.berkas)
        if let dilihat = i.jumlahSasaran, dilihat != kim.count {
            throw KesalahanIsian("sasaran", "Jumlah KIM aktif pada sasaran ini berubah dari \(dilihat) menjadi \(kim.count) sejak Anda memeriksanya. Periksa lagi, lalu terbitkan.")
        }
        let materi = MateriModel()
        materi.id = UUID()
        (materi.judul, materi.ringkasan, materi.isi, materi.jenis) = (m.judul, m.ringkasan, m.isi, m.jenis.rawValue)
        (materi.sasaran, materi.batasWaktu, materi.dibuatOleh, materi.dibuatPada) = (sasaran.nama, m.batasWaktu.iso, aktor.id, l.sekarang)
        let penerima = kim.map { k in
            let r = PenerimaMateriModel()
            (r.$materi.id, r.$kim.id, r.kodeWilayah, r.status) = (materi.id!, k.id!, k.kodeWilayah, StatusPenerimaan.terkirim.rawValue)
            return r
        }
        let kiriman = RepositoriNotifikasi.Kiriman(pemberitahuan: .materiBaru(judul: materi.judul, kim: kim.compactMap(\.id)),
                                                   tautan: "/diseminasi/\(materi.id!)")
        let alamat = try await RepositoriNotifikasi(db: l.db, jam: l.jam).alamat([kiriman.pemberitahuan], cache: l.cache.alamat)
        let (jam, antrean) = (l.jam, AntreanKanal(l: l))
        try await penyimpan.dengan(berkas) { nama in
            let file = zip(berkas, nama).map { Self.berkasMateri($0, $1, materi: materi.id!, penerima: nil) }
            try await l.db.transaksi { db in
                try await RepositoriMateri(db: db).simpan(materi, penerima: penerima, berkas: file)
                try await RepositoriNotifikasi(db: db, jam: jam).kirim([kiriman], ke: alamat)
                // The KIMs that confirmed a number hear of it in their chat too (issue 21).
                try await antrean.materiBaru(materi, kim: kim.compactMap(\.id), db: db)
            }
        }
        return materi
    }

    /// The newest hundred materi the actor may see: the office all; a pengurus those targeted
    /// at its KIM; operators those reaching their area.
    func daftar(untuk aktor: Aktor?) async throws -> [MateriModel] {
        guard aktor != nil else { throw BelumMasuk() }
        let cakupan = Kebijakan.cakupanKim(aktor)
        if case .tidakAda = cakupan { throw TindakanDilarang() }
        return try await data.terbaru(cakupan, batas: 100)
    }

    func satu(_ id: UUID?, untuk aktor: Aktor?) async throws -> MateriModel {
        guard aktor != nil else { throw BelumMasuk() }
        let cakupan = Kebijakan.cakupanKim(aktor)
        if case .tidakAda = cakupan { throw TindakanDilarang() }
        guard let id, let m = try await data.cari(id, cakupan) else { throw TidakDitemukan("Materi") }
        return m
    }

    /// A pengurus's own copy, without opening it (lists).
    func salinan(_ m: MateriModel, untuk aktor: Aktor?) async throws -> PenerimaMateriModel? {
        guard let kim = aktor?.penugasan.kimID else { return nil }
        return try await data.penerima(materi: try m.requireID(), kim: kim)
    }

    /// A pengurus's own copy, opened: the first time, it becomes `dibaca`.
    func buka(_ m: MateriModel, untuk aktor: Aktor?) async throws -> PenerimaMateriModel? {
        guard let r = try await salinan(m, untuk: aktor) else { return nil }
        guard r.statusPenerimaan == .terkirim else { return r }
        try await data.tandaiDibaca(try r.requireID(), pada: l.sekarang)
        return try await data.cariPenerima(try r.requireID())
    }

    /// Records how the KIM passed a materi on. The report replaces the copy's state as it was
    /// read: a second report sent at the same instant loses (409) rather than overwrites,
    /// unless it is the same report (its key) sent twice, which answers as the first.
    /// Records how a KIM passed a materi on; the same report sent again with its key (a retry
    /// from the phone's outbox) changes nothing.
    func laporkan(_ m: MateriModel, _ i: IsianPenyebaran, foto: [FotoMasuk], oleh aktor: Aktor?, kunci: String? = nil) async throws {
        guard let r = try await buka(m, untuk: aktor), let kim = try await RepositoriKim(db: l.db).cari(r.$kim.id) else {
            throw TindakanDilarang()
        }
        let kunci = kunci.map { String($0.prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
        if let kunci, r.kunciLaporan == kunci { return }
        if let alasan = kim.statusKim.alasanTidakBerkegiatan { throw TindakanDilarang(alasan) }
        guard AturanDiseminasi.bolehMelaporkan(aktor, kimSasaran: r.$kim.id, statusKim: kim.statusKim) else { throw TindakanDilarang() }
        let p = try AturanDiseminasi.penyebaran(saluran: i.saluran ?? [], tanggal: i.tanggal ?? "", jangkauan: i.jangkauan ?? "",
                                                catatan: i.catatan, diterbitkan: Tanggal(m.dibuatPada), hariIni: l.hariIni)
        let berkas = try PenyimpanBerkas.periksa(foto, maks: 1, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")
        let (dari, id, materi) = (r.status, try r.requireID(), try m.requireID())
        do {
            try await penyimpan.dengan(berkas) { nama in
                let file = zip(berkas, nama).map { Self.berkasMateri($0, $1, materi: materi, penerima: id) }
                try await l.db.transaksi { db in
                    let data = RepositoriMateri(db: db)
                    try await data.laporkan(id, dari: dari, p, oleh: aktor?.id, kunci: kunci)
                    try await data.simpan(file)
                }
            }
        } catch is DiubahBersamaan {
            // Lost to the same report sent twice at once (a retry): that one is this one.
            if let kunci, try await salinan(m, untuk: aktor)?.kunciLaporan == kunci { return }
            throw DiubahBersamaan()
        }
    }

    private static func berkasMateri(_ b: PenyimpanBerkas.Berkas, _ berkas: String, materi: UUID, penerima: UUID?) -> BerkasMateriModel {
        let f = BerkasMateriModel()
        (f.$materi.id, f.penerimaID, f.namaAsli) = (materi, penerima, b.namaAsli)
        (f.berkas, f.tipeMime, f.ukuran, f.sha256) = (berkas, b.jenis.mime, b.bytes.count, b.sha256)
        return f
    }

    /// A file of a materi: an attachment for everyone who may see the materi; a report photo
    /// for the office and the reporting KIM.
    func berkas(_ id: UUID?, materi m: MateriModel, untuk aktor: Aktor?) async throws -> BerkasMateriModel {
        guard let id, let f = try await data.berkas(id, materi: try m.requireID()) else { throw TidakDitemukan("Berkas") }
        if let penerima = f.penerimaID, !AturanDiseminasi.bolehMenerbitkan(aktor) {
            guard let milik = try await salinan(m, untuk: aktor), milik.id == penerima else { throw TidakDitemukan("Berkas") }
        }
        return f
    }

    func lampiran(_ m: MateriModel) async throws -> [BerkasMateriModel] { try await data.lampiran(materi: try m.requireID()) }

    /// A materi's coverage over the recipients the actor may see.
    func cakupan(_ m: MateriModel, untuk aktor: Aktor?) async throws -> CakupanMateri {
        try await LayananStatistik(l: l, untuk: aktor).cakupan(m)
    }

    /// The coverage and the recipients' rows, for a materi's own page.
    func penerima(_ m: MateriModel, untuk aktor: Aktor?) async throws -> (CakupanMateri, [PenerimaMateriModel]) {
        let area: KodeWilayah? = if case .wilayah(let w) = Kebijakan.cakupanKim(aktor) { w } else { nil }
        let r = try await data.penerima(materi: try m.requireID(), dalam: area)
        let c = CakupanMateri.hitung(r.compactMap { p in
            KodeWilayah(p.kodeWilayah).map { .init(kim: p.$kim.id, kecamatan: $0.kecamatan, status: p.statusPenerimaan, jangkauan: p.jangkauan ?? 0) }
        }, batasWaktu: Tanggal(iso: m.batasWaktu) ?? l.hariIni, hariIni: l.hariIni)
        return (c, r)
    }
}

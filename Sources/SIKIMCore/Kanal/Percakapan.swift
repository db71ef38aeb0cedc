import Foundation

/// The guided chat in which a pengurus reports: category → what happened → the category's
/// required questions → photos (optional) → location (a pin, a desa name, or the KIM's own
/// desa) → confirm. A pure function of the conversation so far and one message; the server
/// stores the result and carries out its `Akibat` through the same services as the pages.
public struct Percakapan: Codable, Equatable, Sendable {
    public enum Langkah: Codable, Equatable, Sendable {
        case kategori, isi, pertanyaan(String), foto, lokasi, pilihDesa, konfirmasi
    }

    public var langkah: Langkah
    public var draf: Draf
    /// The ids of the choices last offered, so that "2" picks the second on SMS.
    public var pilihan: [String]
    public var diubah: Date

    /// What is known so far of the laporan being written.
    public struct Draf: Codable, Equatable, Sendable {
        public var kategori: String?
        public var isi: String?
        public var jawaban: [String: [String]] = [:]
        /// The ids of the messages that carried the photos.
        public var foto: [String] = []
        public var lat: Double?
        public var lon: Double?
        public var desa: String?

        public init(isi: String? = nil) { self.isi = isi }

        /// The first sentence of what happened, as the laporan's title.
        public var judul: String {
            let t = (isi ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let kalimat = t.split(whereSeparator: { ".!?\n".contains($0) }).first.map(String.init) ?? t
            return kalimat.count <= 100 ? kalimat : String(kalimat.prefix(97)) + "..."
        }
    }

    /// A conversation left this long is over.
    public static let batasDiam: TimeInterval = 30 * 60

    public struct Kategori: Sendable {
        public let kode: String
        public let nama: String
        /// Only the required questions are asked in a chat.
        public let pertanyaan: [Pertanyaan]
        public init(kode: String, nama: String, pertanyaan: [Pertanyaan]) {
            (self.kode, self.nama, self.pertanyaan) = (kode, nama, pertanyaan.filter(\.wajib))
        }
    }

    /// What the conversation needs to know of the world.
    public struct Konteks: Sendable {
        public let kanal: JenisKanal
        public let kategori: [Kategori]
        public let desa: PencocokDesa
        /// The desa whose boundary holds a point, where boundaries are known.
        public let desaDiTitik: @Sendable (Double, Double) -> PencocokDesa.Desa?
        /// The pengurus's KIM's desa (nil for a kecamatan KIM): chosen by "LEWATI".
        public let desaKim: PencocokDesa.Desa?
        public let namaDesa: @Sendable (String) -> PencocokDesa.Desa?
        public let maksFoto: Int
        public let sekarang: Date

        public init(kanal: JenisKanal, kategori: [Kategori], desa: PencocokDesa, desaDiTitik: @escaping @Sendable (Double, Double) -> PencocokDesa.Desa?,
                    desaKim: PencocokDesa.Desa?, namaDesa: @escaping @Sendable (String) -> PencocokDesa.Desa?, maksFoto: Int, sekarang: Date) {
            (self.kanal, self.kategori, self.desa, self.desaDiTitik) = (kanal, kategori, desa, desaDiTitik)
            (self.desaKim, self.namaDesa, self.maksFoto, self.sekarang) = (desaKim, namaDesa, maksFoto, sekarang)
        }
    }

    /// A choice offered with a reply: buttons or a list on WhatsApp, a numbered line on SMS.
    public struct Pilihan: Equatable, Sendable {
        public let id: String
        public let judul: String
        public init(_ id: String, _ judul: String) { (self.id, self.judul) = (id, judul) }
    }

    public struct Balasan: Equatable, Sendable {
        public let teks: String
        public let pilihan: [Pilihan]
        public init(_ teks: String, pilihan: [Pilihan] = []) { (self.teks, self.pilihan) = (teks, pilihan) }

        /// As one line of plain text, the choices numbered after it: an SMS (each part costs,
        /// and a line break is not carried everywhere) or a WhatsApp template's parameter
        /// (which may hold none).
        public var satuBaris: String {
            var baris = ""
            for b in teks.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !b.isEmpty {
                baris += baris.isEmpty ? b : (baris.hasSuffix(":") ? " " : "; ") + b
            }
            guard !pilihan.isEmpty else { return baris }
            return baris + " " + pilihan.enumerated().map { "\($0.offset + 1)=\($0.element.judul)" }.joined(separator: ", ")
        }
    }

    /// What the server must do besides replying.
    public enum Akibat: Equatable, Sendable {
        case tidakAda
        case kirimLaporan(Draf)
        case catatKegiatan(String)
        case lihatStatus(String)
        case laporkanJangkauan(Int)
        case daftarkanNomor(String)
        /// A citizen's message: into the verifikator's triage inbox.
        case triase
    }

    public struct Hasil: Equatable, Sendable {
        public let percakapan: Percakapan?
        public let balasan: [Balasan]
        public let akibat: Akibat
    }

    /// One message's effect. `pengurus` is false for a number not tied to a KIM's account: such a
    /// citizen may ask for help, a status or register a code; anything else goes to triage.
    public static func lanjut(_ lama: Percakapan?, _ isi: PesanMasuk.Isi, pengurus: Bool, _ k: Konteks) -> Hasil {
        let kedaluwarsa = lama.map { k.sekarang.timeIntervalSince($0.diubah) > batasDiam } ?? false
        let p = kedaluwarsa ? nil : lama
        var h = langkah(p, isi, pengurus: pengurus, k)
        if kedaluwarsa, h.percakapan == nil || h.percakapan?.draf != lama?.draf, pengurus {
            h = Hasil(percakapan: h.percakapan, balasan: [Balasan("Isian laporan sebelumnya berakhir karena 30 menit tidak dibalas.")] + h.balasan,
                      akibat: h.akibat)
        }
        return h
    }

    private static func langkah(_ p: Percakapan?, _ isi: PesanMasuk.Isi, pengurus: Bool, _ k: Konteks) -> Hasil {
        let teks: String? = if case .teks(let t) = isi { t } else { nil }
        let perintah = teks.flatMap(PerintahKanal.baca)
        func tetap(_ b: [Balasan], _ a: Akibat = .tidakAda) -> Hasil { Hasil(percakapan: p, balasan: b, akibat: a) }

        switch perintah {
        case .bantuan?:
            return tetap([Balasan(PerintahKanal.teksBantuan)] + (p.map { [tanya($0, k)] } ?? []))
        case .status(let nomor)?:
            guard let nomor else { return tetap([Balasan("Tulis STATUS diikuti nomor laporan, misalnya STATUS LAP-2026-000123.")]) }
            return tetap([], .lihatStatus(nomor))
        case .daftar(let kode)?:
            guard let kode, !kode.isEmpty else { return tetap([Balasan("Tulis DAFTAR diikuti kode dari halaman akun SIKIM Anda, misalnya DAFTAR 123456.")]) }
            return tetap([], .daftarkanNomor(kode))
        default: break
        }
        guard pengurus else { return Hasil(percakapan: nil, balasan: [], akibat: .triase) }

        switch perintah {
        case .batal?:
            return Hasil(percakapan: nil, balasan: [Balasan(p == nil ? "Tidak ada isian yang sedang berjalan." : "Isian laporan dibatalkan.")], akibat: .tidakAda)
        case .sudah(let n)?:
            guard let n else { return tetap([Balasan("Tulis SUDAH diikuti jumlah warga yang menerima materi, misalnya SUDAH 120.")]) }
            return tetap([], .laporkanJangkauan(n))
        case .kegiatan(let judul)?:
            guard let judul else { return tetap([Balasan("Tulis KEGIATAN diikuti judul kegiatan, misalnya KEGIATAN Rapat pengurus bulanan.")]) }
            return tetap([], .catatKegiatan(judul))
        case .lapor(let isiLaporan)?:
            return mulai(Draf(isi: isiLaporan), k)
        default: break
        }
        guard var p else {
            // Without a conversation, a long enough text is taken as a laporan to be confirmed.
            if let teks, teks.trimmingCharacters(in: .whitespacesAndNewlines).count >= 15 { return mulai(Draf(isi: teks), k) }
            return tetap([Balasan("Ketik LAPOR untuk mengirim laporan, atau BANTUAN untuk melihat perintah.")])
        }
        p.diubah = k.sekarang
        let dipilih = pilihanDari(isi, p)

        switch p.langkah {
        case .kategori:
            let kode = dipilih.flatMap { $0.hasPrefix("kategori:") ? String($0.dropFirst(9)) : nil }
                ?? teks.flatMap { t in k.kategori.first { $0.nama.lowercased() == t.lowercased().trimmingCharacters(in: .whitespaces) }?.kode }
            guard let kode, k.kategori.contains(where: { $0.kode == kode }) else { return ulang(p, "Kategori belum dipilih.", k) }
            p.draf.kategori = kode
        case .isi:
            guard let teks, !teks.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return ulang(p, "Tuliskan isi laporan dengan teks.", k) }
            p.draf.isi = teks.trimmingCharacters(in: .whitespacesAndNewlines)
        case .pertanyaan(let kode):
            guard let q = pertanyaan(kode, p, k) else { break }
            if !q.pilihan.isEmpty {
                guard let i = dipilih.flatMap({ $0.hasPrefix("jawab:") ? Int($0.dropFirst(6)) : nil }), q.pilihan.indices.contains(i) else {
                    return ulang(p, "Pilih salah satu jawaban.", k)
                }
                p.draf.jawaban[kode] = [q.pilihan[i]]
            } else {
                guard let teks, !teks.trimmingCharacters(in: .whitespaces).isEmpty else { return ulang(p, "Jawab dengan teks.", k) }
                p.draf.jawaban[kode] = [teks.trimmingCharacters(in: .whitespacesAndNewlines)]
            }
        case .foto:
            switch (isi, perintah) {
            case (.foto(let media, _), _):
                guard p.draf.foto.count < k.maksFoto else {
                    p.langkah = .lokasi
                    return Hasil(percakapan: p, balasan: [Balasan("Foto sudah \(k.maksFoto); foto ini tidak dipakai."), tanya(p, k)], akibat: .tidakAda)
                }
                p.draf.foto.append(media)
                return Hasil(percakapan: p, balasan: [Balasan("Foto ke-\(p.draf.foto.count) diterima. Kirim foto lain, atau ketik LANJUT.")],
                             akibat: .tidakAda)
            case (.lokasi, _): return lokasi(&p, isi, teks, k)
            case (_, .lewati?), (_, .ya?): break
            default: return ulang(p, "Kirim foto, atau ketik LANJUT bila tidak ada foto.", k)
            }
        case .lokasi:
            return lokasi(&p, isi, teks, k)
        case .pilihDesa:
            if let id = dipilih, id.hasPrefix("desa:"), let d = k.namaDesa(String(id.dropFirst(5))) {
                p.draf.desa = d.kode
            } else {
                return lokasi(&p, isi, teks, k)
            }
        case .konfirmasi:
            switch (perintah, dipilih) {
            case (.ya?, _), (_, "ya"?): return Hasil(percakapan: nil, balasan: [], akibat: .kirimLaporan(p.draf))
            case (.lewati?, _), (_, "batal"?): return Hasil(percakapan: nil, balasan: [Balasan("Isian laporan dibatalkan.")], akibat: .tidakAda)
            default: return ulang(p, "Balas YA untuk mengirim atau BATAL.", k)
            }
        }
        return maju(p, k)
    }

    private static func mulai(_ draf: Draf, _ k: Konteks) -> Hasil {
        maju(Percakapan(langkah: .kategori, draf: draf, pilihan: [], diubah: k.sekarang), k, dariAwal: true)
    }

    /// To the first step still unanswered, and its question.
    private static func maju(_ p: Percakapan, _ k: Konteks, dariAwal: Bool = false) -> Hasil {
        var p = p
        let d = p.draf
        let wajib = k.kategori.first { $0.kode == d.kategori }?.pertanyaan ?? []
        let urutan: [Langkah] = [.kategori, .isi] + wajib.map { .pertanyaan($0.kode) } + [.foto, .lokasi, .konfirmasi]
        let mulaiDari = dariAwal ? 0 : (urutan.firstIndex(of: p.langkah == .pilihDesa ? .lokasi : p.langkah) ?? 0) + 1
        p.langkah = urutan[mulaiDari...].first { l in
            switch l {
            case .kategori: d.kategori == nil
            case .isi: d.isi?.isEmpty ?? true
            case .pertanyaan(let kode): d.jawaban[kode] == nil
            case .foto, .konfirmasi: true
            case .lokasi: d.desa == nil
            case .pilihDesa: false
            }
        } ?? .konfirmasi
        let b = tanya(p, k)
        p.pilihan = b.pilihan.map(\.id)
        return Hasil(percakapan: p, balasan: [b], akibat: .tidakAda)
    }

    private static func ulang(_ p: Percakapan, _ alasan: String, _ k: Konteks) -> Hasil {
        let b = tanya(p, k)
        return Hasil(percakapan: p, balasan: [Balasan(alasan + " " + b.teks, pilihan: b.pilihan)], akibat: .tidakAda)
    }

    private static func lokasi(_ p: inout Percakapan, _ isi: PesanMasuk.Isi, _ teks: String?, _ k: Konteks) -> Hasil {
        if case .lokasi(let lat, let lon) = isi {
            (p.draf.lat, p.draf.lon) = (lat, lon)
            guard let d = k.desaDiTitik(lat, lon) else {
                p.langkah = .lokasi
                return Hasil(percakapan: p, balasan: [Balasan("Titik lokasi diterima, tetapi desanya tidak dikenali. Ketik nama desanya.")], akibat: .tidakAda)
            }
            p.draf.desa = d.kode
            return maju(p, k)
        }
        if case .lewati? = teks.flatMap(PerintahKanal.baca) {
            guard let d = k.desaKim else { return ulang(p, "KIM Anda tingkat kecamatan: sebutkan desanya.", k) }
            p.draf.desa = d.kode
            return maju(p, k)
        }
        guard let teks else { return ulang(p, "Lokasi belum diterima.", k) }
        switch k.desa.cari(teks) {
        case .satu(let d):
            p.draf.desa = d.kode
            return maju(p, k)
        case .beberapa(let calon):
            p.langkah = .pilihDesa
            let b = Balasan("Ada beberapa desa yang mirip \"\(teks.prefix(40))\". Pilih salah satu:",
                            pilihan: calon.map { Pilihan("desa:\($0.kode)", $0.label) })
            p.pilihan = b.pilihan.map(\.id)
            return Hasil(percakapan: p, balasan: [b], akibat: .tidakAda)
        case .tidakAda:
            p.langkah = .lokasi
            return ulang(p, "Desa \"\(teks.prefix(40))\" tidak ditemukan.", k)
        }
    }

    private static func pertanyaan(_ kode: String, _ p: Percakapan, _ k: Konteks) -> Pertanyaan? {
        k.kategori.first { $0.kode == p.draf.kategori }?.pertanyaan.first { $0.kode == kode }
    }

    /// The id of a choice the message made: a tapped one, or its number typed.
    private static func pilihanDari(_ isi: PesanMasuk.Isi, _ p: Percakapan) -> String? {
        switch isi {
        case .pilihan(let id, _): return id
        case .teks(let t):
            let s = t.trimmingCharacters(in: .whitespacesAndNewlines)
            if let n = Int(s), p.pilihan.indices.contains(n - 1) { return p.pilihan[n - 1] }
            if case .ya? = PerintahKanal.baca(s) { return "ya" }
            if case .batal? = PerintahKanal.baca(s) { return "batal" }
            return nil
        default: return nil
        }
    }

    /// The question of the step the conversation is at.
    static func tanya(_ p: Percakapan, _ k: Konteks) -> Balasan {
        switch p.langkah {
        case .kategori:
            return Balasan("Pilih kategori laporan:", pilihan: k.kategori.map { Pilihan("kategori:\($0.kode)", $0.nama) })
        case .isi:
            return Balasan("Ceritakan apa yang terjadi: apa, di mana, sejak kapan.")
        case .pertanyaan(let kode):
            guard let q = pertanyaan(kode, p, k) else { return Balasan("Lanjutkan.") }
            return Balasan(q.label + "?", pilihan: q.pilihan.enumerated().map { Pilihan("jawab:\($0.offset)", $0.element) })
        case .foto:
            return Balasan("Kirim foto kejadian (paling banyak \(k.maksFoto)), atau ketik LANJUT bila tidak ada foto.")
        case .lokasi:
            let kim = k.desaKim.map { " Ketik LEWATI untuk memakai desa KIM Anda (\($0.nama))." } ?? ""
            return Balasan(k.kanal == .whatsapp ? "Kirim lokasi kejadian (Lampirkan > Lokasi) atau ketik nama desanya.\(kim)" : "Ketik nama desa tempat kejadian.\(kim)")
        case .pilihDesa:
            return Balasan("Pilih desa:", pilihan: p.pilihan.compactMap { id in
                k.namaDesa(String(id.dropFirst(5))).map { Pilihan(id, $0.label) }
            })
        case .konfirmasi:
            let d = p.draf
            let kategori = k.kategori.first { $0.kode == d.kategori }?.nama ?? "-"
            let desa = d.desa.flatMap(k.namaDesa)?.label ?? "-"
            let isi = (d.isi ?? "").count > 300 ? String((d.isi ?? "").prefix(297)) + "..." : (d.isi ?? "")
            return Balasan("Periksa laporan Anda:\nKategori: \(kategori)\nIsi: \(isi)\nFoto: \(d.foto.count)\nDesa: \(desa)\nBalas YA untuk mengirim atau BATAL.",
                           pilihan: [Pilihan("ya", "Kirim"), Pilihan("batal", "Batal")])
        }
    }
}

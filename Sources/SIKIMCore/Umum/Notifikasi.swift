import Foundation

/// Who hears about what inside the application.
public enum Pemberitahuan: Equatable, Sendable {
    case laporanBaru(nomor: String)
    case pertanyaanKlarifikasi(nomor: String)
    case klarifikasiDijawab(nomor: String)
    case laporanDiteruskan(nomor: String, opd: [String])
    case laporanSelesai(nomor: String)
    case laporanTidakValid(nomor: String)
    /// The reporter's view of the steps between: verified, forwarded, acknowledged.
    case laporanTerverifikasi(nomor: String)
    case laporanSampaiOPD(nomor: String)
    case laporanDiterimaOPD(nomor: String)
    case materiBaru(judul: String, kim: [UUID])
    case tenggatLewat(nomor: String, tahap: TahapSLA, opd: [String])
    case kimTidakAktif(nama: String, wilayah: KodeWilayah)
    /// A KIM now waits for the operators of `pengesah` to legalise it (`SiklusKim.pengesahBerikutnya`).
    case kimMenungguPengesahan(nama: String, pengesah: KodeWilayah)

    /// A group of recipients; the server turns it into accounts.
    public enum Penerima: Hashable, Sendable {
        case verifikator
        case pelapor
        case opd(String)
        case pengurus(kim: UUID)
        case admin
        /// Operators whose area holds this region (its kecamatan's and its desa's).
        case operatorWilayah(KodeWilayah)
        /// Operators of exactly this region.
        case operatorDi(KodeWilayah)
    }

    public var penerima: [Penerima] {
        switch self {
        case .laporanBaru, .klarifikasiDijawab: [.verifikator]
        case .pertanyaanKlarifikasi, .laporanSelesai, .laporanTidakValid, .laporanTerverifikasi, .laporanSampaiOPD, .laporanDiterimaOPD:
            [.pelapor]
        case .laporanDiteruskan(_, let opd): opd.map(Penerima.opd)
        case .materiBaru(_, let kim): kim.map { .pengurus(kim: $0) }
        case .tenggatLewat(_, let tahap, let opd): tahap == .verifikasi ? [.verifikator] : opd.map(Penerima.opd)
        case .kimTidakAktif(_, let w): [.admin, .operatorWilayah(w)]
        case .kimMenungguPengesahan(_, let w): [.operatorDi(w)]
        }
    }

    /// The notice's kind as the webhook names it.
    public var jenis: String {
        switch self {
        case .laporanBaru: "laporan_baru"
        case .pertanyaanKlarifikasi: "pertanyaan_klarifikasi"
        case .klarifikasiDijawab: "klarifikasi_dijawab"
        case .laporanDiteruskan: "laporan_diteruskan"
        case .laporanSelesai: "laporan_selesai"
        case .laporanTidakValid: "laporan_tidak_valid"
        case .laporanTerverifikasi: "laporan_terverifikasi"
        case .laporanSampaiOPD: "laporan_sampai_opd"
        case .laporanDiterimaOPD: "laporan_diterima_opd"
        case .materiBaru: "materi_baru"
        case .tenggatLewat: "tenggat_lewat"
        case .kimTidakAktif: "kim_tidak_aktif"
        case .kimMenungguPengesahan: "kim_menunggu_pengesahan"
        }
    }

    public var judul: String {
        switch self {
        case .laporanBaru(let n): "Laporan baru \(n) menunggu verifikasi."
        case .pertanyaanKlarifikasi(let n): "Verifikator meminta klarifikasi atas laporan \(n)."
        case .klarifikasiDijawab(let n): "Klarifikasi laporan \(n) sudah dijawab."
        case .laporanDiteruskan(let n, _): "Laporan \(n) diteruskan kepada OPD Anda untuk ditindaklanjuti."
        case .laporanSelesai(let n): "Laporan \(n) telah selesai ditindaklanjuti."
        case .laporanTidakValid(let n): "Laporan \(n) dinyatakan tidak valid."
        case .laporanTerverifikasi(let n): "Laporan \(n) telah diverifikasi dan dinyatakan valid."
        case .laporanSampaiOPD(let n): "Laporan \(n) telah diteruskan kepada perangkat daerah untuk ditindaklanjuti."
        case .laporanDiterimaOPD(let n): "Perangkat daerah telah menerima laporan \(n) dan akan menindaklanjutinya."
        case .materiBaru(let j, _): "Materi diseminasi baru: \(j)"
        case .tenggatLewat(let n, let t, _): "Tenggat \(t.label.prefix(1).lowercased() + t.label.dropFirst()) laporan \(n) sudah lewat." // keeps "OPD"
        case .kimTidakAktif(let nama, _): "\(nama) kini tidak aktif dan perlu pembinaan."
        case .kimMenungguPengesahan(let nama, _): "\(nama) menunggu pengesahan Anda."
        }
    }

    /// The notices an action on a laporan produces: the reporter hears every step of their
    /// laporan (issue 19) — clarification asked, verified, forwarded, acknowledged, the outcome.
    public static func dari(_ aksi: AksiLaporan, nomor: String, hasil: StatusLaporan, opd: [String]) -> [Pemberitahuan] {
        switch aksi {
        case .tanya: [.pertanyaanKlarifikasi(nomor: nomor)]
        case .jawab: [.klarifikasiDijawab(nomor: nomor)]
        // a sensitive laporan's first confirmation leaves it waiting for the second
        case .konfirmasi: hasil == .valid ? [.laporanTerverifikasi(nomor: nomor)] : []
        case .tolak: [.laporanTidakValid(nomor: nomor)]
        case .teruskan: [.laporanDiteruskan(nomor: nomor, opd: opd), .laporanSampaiOPD(nomor: nomor)]
        case .terima: [.laporanDiterimaOPD(nomor: nomor)]
        case .selesaikan: [.laporanSelesai(nomor: nomor)]
        case .tindaklanjuti, .publikasikan: []
        }
    }
}

/// Outbound webhook deliveries: when to try again after a failure, and when to give up.
public enum JadwalWebhook {
    public static let percobaanMaksimum = 6

    /// Seconds to wait after the n-th failed attempt: 30 s, 1, 2, 4, 8 minutes.
    public static func tunda(setelahGagalKe n: Int) -> TimeInterval {
        30 * pow(2, Double(max(0, n - 1)))
    }

    public static func menyerah(setelahGagalKe n: Int) -> Bool { n >= percobaanMaksimum }

    /// The body a notice is delivered with: its kind, title, link and time, and no one's name,
    /// number or address (notices name laporan by number only).
    public static func isi(_ p: Pemberitahuan, tautan: String, waktu: Date) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let isi = ["jenis": p.jenis, "judul": p.judul, "tautan": tautan, "waktu": TanggalIndonesia.iso8601(waktu)]
        return String(decoding: (try? enc.encode(isi)) ?? Data(), as: UTF8.self)
    }

    /// Only http(s) URLs with a host; the address a gateway listens on.
    public static func periksaURL(_ teks: String) throws(KesalahanIsian) -> String? {
        let t = teks.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        guard let u = URL(string: t), let skema = u.scheme?.lowercased(), ["http", "https"].contains(skema),
              let host = u.host, !host.isEmpty, t.count <= 500 else {
            throw KesalahanIsian("webhook_url", "URL webhook harus alamat http:// atau https:// yang lengkap.")
        }
        return t
    }
}

import Crypto
import Foundation
import NIOCore
import SIKIMCore
import SIKIMData
import Vapor

/// A gateway's refusal or failure: `permanen` ones (a 4xx) are not retried.
struct GalatGerbang: Error, Sendable {
    let pesan: String
    let permanen: Bool
    /// WhatsApp refused free text outside the 24-hour window (131047): send the template.
    var perluTemplat = false
}

/// Sends one queued message; returns the gateway's id for it.
protocol GerbangKanal: Sendable {
    func kirim(_ m: KirimanKanalModel, pesanTerakhir: Date?, sekarang: Date) async throws -> String?
}

extension GalatGerbang {
    /// What a failed HTTP call means: 4xx is the request's fault (not retried, but 429), the rest may pass later.
    static func dari(_ res: ClientResponse, pesan: String) -> GalatGerbang {
        GalatGerbang(pesan: "HTTP \(res.status.code): \(pesan.prefix(300))", permanen: (400..<500).contains(res.status.code) && res.status.code != 429)
    }
}

/// The WhatsApp Business Platform's Cloud API: `POST /{phone-number-id}/messages` with a bearer
/// token; media by `GET /{media-id}` then its short-lived URL, with the same token.
struct GerbangWhatsApp: GerbangKanal, PengambilMedia {
    let k: KonfigurasiKanal.WhatsApp
    let client: any Client
    var batasWaktu: TimeAmount = .seconds(10)

    /// `X-Hub-Signature-256`: `sha256=` and the HMAC-SHA256 of the raw body under the app secret.
    static func tandaTangan(_ badan: ByteBuffer, rahasia: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: badan.readableBytesView, using: SymmetricKey(data: Data(rahasia.utf8)))
        return "sha256=" + Sidik.hex(mac)
    }

    private var otorisasi: HTTPHeaders { ["Authorization": "Bearer \(k.token)"] }

    func kirim(_ m: KirimanKanalModel, pesanTerakhir: Date?, sekarang: Date) async throws -> String? {
        let sesi = JendelaWhatsApp.terbuka(pesanTerakhir: pesanTerakhir, sekarang: sekarang) && m.idLuar != "templat"
        var isi = Self.badan(m, sesi: sesi, templat: k.templat, bahasa: k.bahasaTemplat)
        // Echoed in the status webhooks: a message whose answer a crash lost is settled by them.
        isi["biz_opaque_callback_data"] = AnyEncodable(m.id?.uuidString ?? "")
        let res = try await client.post(URI(string: "\(k.urlAPI)/\(k.idNomor)/messages"), headers: otorisasi) { r in
            try r.content.encode(isi, as: .json)
            r.timeout = batasWaktu
        }
        guard res.status == .ok else {
            let galat = try? res.content.decode(GalatGraph.self).error
            var g = GalatGerbang.dari(res, pesan: galat?.message ?? "")
            g.perluTemplat = galat?.code == 131047
            throw g
        }
        return (try? res.content.decode(JawabanKirim.self))?.messages.first?.id
    }

    func ambil(_ media: String) async throws -> FotoMasuk {
        let info = try await client.get(URI(string: "\(k.urlAPI)/\(media)"), headers: otorisasi) { $0.timeout = batasWaktu }
        guard info.status == .ok, let url = try? info.content.decode(InfoMedia.self).url else {
            throw GalatGerbang.dari(info, pesan: "media \(media) tidak dapat dibaca")
        }
        let res = try await client.get(URI(string: url), headers: otorisasi) { $0.timeout = .seconds(30) }
        guard res.status == .ok, let badan = res.body else { throw GalatGerbang.dari(res, pesan: "media tidak dapat diunduh") }
        return FotoMasuk(nama: "whatsapp-\(media.suffix(12)).jpg", bytes: Array(badan.readableBytesView))
    }

    struct InfoMedia: Decodable { let url: String }
    struct JawabanKirim: Decodable {
        struct Pesan: Decodable { let id: String }
        let messages: [Pesan]
    }
    struct GalatGraph: Decodable {
        struct Isi: Decodable { let message: String?; let code: Int? }
        let error: Isi
    }

    /// The message as the Cloud API takes it: free text, buttons (up to 3) or a list (up to 10)
    /// inside the window; the template with the text as its one parameter outside it.
    static func badan(_ m: KirimanKanalModel, sesi: Bool, templat: String, bahasa: String) -> [String: AnyEncodable] {
        let ke = AnyEncodable(String(m.penerima.dropFirst()))
        let pilihan = AntreanKanal.pilihan(m)
        guard sesi else {
            let teks = Percakapan.Balasan(m.isi, pilihan: pilihan).satuBaris
            return ["messaging_product": "whatsapp", "to": ke, "type": "template", "template": AnyEncodable([
                "name": AnyEncodable(templat), "language": AnyEncodable(["code": bahasa]),
                "components": AnyEncodable([["type": AnyEncodable("body"), "parameters": AnyEncodable([["type": "text", "text": String(teks.prefix(1000))]])]]),
            ])]
        }
        func potong(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
        let teks = AnyEncodable(["text": String(m.isi.prefix(1024))])
        if pilihan.isEmpty {
            return ["messaging_product": "whatsapp", "to": ke, "type": "text", "text": AnyEncodable(["body": AnyEncodable(m.isi), "preview_url": AnyEncodable(false)])]
        } else if pilihan.count <= 3 {
            let tombol = pilihan.map { AnyEncodable(["type": AnyEncodable("reply"), "reply": AnyEncodable(["id": $0.id, "title": potong($0.judul, 20)])]) }
            return ["messaging_product": "whatsapp", "to": ke, "type": "interactive", "interactive": AnyEncodable([
                "type": AnyEncodable("button"), "body": teks, "action": AnyEncodable(["buttons": tombol]),
            ])]
        }
        let baris = pilihan.prefix(10).map { AnyEncodable(["id": $0.id, "title": potong($0.judul, 24)]) }
        return ["messaging_product": "whatsapp", "to": ke, "type": "interactive", "interactive": AnyEncodable([
            "type": AnyEncodable("list"), "body": teks,
            "action": AnyEncodable(["button": AnyEncodable("Pilih"), "sections": AnyEncodable([["title": AnyEncodable("Pilihan"), "rows": AnyEncodable(baris)]])]),
        ])]
    }
}

/// Kannel's smsbox `sendsms` HTTP interface. A long reply goes as numbered parts (`PesanSMS`),
/// each part one request.
struct GerbangKannel: GerbangKanal {
    let k: KonfigurasiKanal.SMS
    let url: String
    let client: any Client

    func kirim(_ m: KirimanKanalModel, pesanTerakhir: Date?, sekarang: Date) async throws -> String? {
        let bagian = PesanSMS.bagi(Percakapan.Balasan(m.isi, pilihan: AntreanKanal.pilihan(m)).satuBaris)
        for (i, teks) in bagian.enumerated() {
            var q = ["username": k.pengguna, "password": k.sandi, "to": String(m.penerima.dropFirst()), "text": teks, "charset": "UTF-8", "coding": PesanSMS.septet(teks) == nil ? "2" : "0"]
            if let from = k.pengirim { q["from"] = from }
            // The SMSC's acceptance comes back with the row's id; Kannel puts the report's type in %d.
            if let dlr = k.urlDLR, let rahasia = k.tokenMasuk, let id = m.id {
                q["dlr-mask"] = "8"
                q["dlr-url"] = "\(dlr)/api/v1/kanal/sms/\(rahasia)/dlr?kiriman=\(id.uuidString)&bagian=\(i + 1)/\(bagian.count)&status=%d"
            }
            var uri = URI(string: url)
            uri.query = q.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.sorted().joined(separator: "&")
            let res = try await client.get(uri) { $0.timeout = .seconds(10) }
            guard (200..<300).contains(res.status.code) else { throw GalatGerbang.dari(res, pesan: res.body.map { String(buffer: $0) } ?? "") }
        }
        return bagian.count > 1 ? "\(bagian.count) bagian" : nil
    }
}

/// gammu-smsd's queue: `gammu-smsd-inject TEXT <number> [-unicode] -text <part>` per part; the
/// daemon sends through its modem.
struct GerbangGammu: GerbangKanal {
    let perintah: String

    func kirim(_ m: KirimanKanalModel, pesanTerakhir: Date?, sekarang: Date) async throws -> String? {
        let bagian = PesanSMS.bagi(Percakapan.Balasan(m.isi, pilihan: AntreanKanal.pilihan(m)).satuBaris)
        for teks in bagian {
            let argumen = ["TEXT", m.penerima] + (PesanSMS.septet(teks) == nil ? ["-unicode"] : []) + ["-text", teks]
            let (kode, keluaran) = try await Self.jalankan(perintah, argumen)
            guard kode == 0 else { throw GalatGerbang(pesan: "gammu-smsd-inject keluar \(kode): \(keluaran.prefix(300))", permanen: false) }
        }
        return bagian.count > 1 ? "\(bagian.count) bagian" : nil
    }

    /// Runs a program off the cooperative pool; its exit code and output.
    static func jalankan(_ perintah: String, _ argumen: [String]) async throws -> (Int32, String) {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                p.arguments = [perintah] + argumen
                let pipa = Pipe()
                (p.standardOutput, p.standardError) = (pipa, pipa)
                do {
                    try p.run()
                    let keluaran = pipa.fileHandleForReading.readDataToEndOfFile()
                    p.waitUntilExit()
                    c.resume(returning: (p.terminationStatus, String(decoding: keluaran, as: UTF8.self)))
                } catch {
                    c.resume(throwing: GalatGerbang(pesan: "\(perintah) tidak dapat dijalankan: \(error)", permanen: false))
                }
            }
        }
    }
}

/// Any JSON value built by hand.
struct AnyEncodable: Encodable, Sendable {
    private let tulis: @Sendable (any Encoder) throws -> Void
    init<T: Encodable & Sendable>(_ v: T) { tulis = { try v.encode(to: $0) } }
    func encode(to encoder: any Encoder) throws { try tulis(encoder) }
}

extension AnyEncodable: ExpressibleByStringLiteral {
    init(stringLiteral v: String) { self.init(v) }
}

extension KonfigurasiKanal {
    /// The gateway that sends a channel's messages, if the channel is on.
    func gerbang(_ kanal: JenisKanal, client: any Client) -> (any GerbangKanal)? {
        switch kanal {
        case .whatsapp: whatsapp.map { GerbangWhatsApp(k: $0, client: client) }
        case .sms: sms.flatMap { s in
            s.urlSendsms.map { GerbangKannel(k: s, url: $0, client: client) as any GerbangKanal } ?? s.perintahGammu.map { GerbangGammu(perintah: $0) }
        }
        }
    }
}

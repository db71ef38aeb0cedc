import Foundation
import SIKIMCore
import Vapor

/// Where the gateways deliver messages (issue 21). A channel that is off answers 404 here, as
/// for any unknown address; never a 500. Every message is stored before the gateway gets its
/// 200, so a gateway that retries after a lost answer changes nothing.
struct KanalMasukAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let kanal = routes.grouped("api", "v1", "kanal")
        kanal.get("whatsapp", use: verifikasiWhatsApp)
        kanal.post("whatsapp", use: webhookWhatsApp).batasBadan(teks: "256kb")
        kanal.get("sms", ":rahasia", use: sms)
        kanal.post("sms", ":rahasia", use: sms)
        kanal.get("sms", ":rahasia", "dlr", use: dlr)
    }

    /// Meta's subscription handshake: the challenge back when the verify token matches.
    @Sendable func verifikasiWhatsApp(req: Request) async throws -> Response {
        guard let k = req.application.sikim.kanal.whatsapp else { throw Abort(.notFound) }
        let q = try req.query.decode(Jabat.self)
        guard q.mode == "subscribe", let token = q.token, Acak.samaKonstan(token, k.tokenVerifikasi), let c = q.challenge else {
            throw Abort(.forbidden, reason: "Token verifikasi tidak cocok.")
        }
        return Response(status: .ok, headers: ["Content-Type": "text/plain"], body: .init(string: c))
    }

    struct Jabat: Decodable {
        let mode, token, challenge: String?
        enum CodingKeys: String, CodingKey { case mode = "hub.mode", token = "hub.verify_token", challenge = "hub.challenge" }
    }

    /// Checked against `X-Hub-Signature-256` before anything is read: a bad or missing
    /// signature gets 401 and nothing is stored.
    @Sendable func webhookWhatsApp(req: Request) async throws -> HTTPStatus {
        guard let k = req.application.sikim.kanal.whatsapp else { throw Abort(.notFound) }
        let badan = req.body.data ?? ByteBuffer()
        guard let tanda = req.headers.first(name: "X-Hub-Signature-256"),
              Acak.samaKonstan(tanda.lowercased(), GerbangWhatsApp.tandaTangan(badan, rahasia: k.rahasiaAplikasi)) else {
            throw Abort(.unauthorized, reason: "Tanda tangan webhook tidak sah.")
        }
        let isi: WebhookWhatsApp
        do { isi = try JSONDecoder().decode(WebhookWhatsApp.self, from: badan) } catch { throw Abort(.badRequest, reason: "Isi webhook tidak dapat dibaca.") }
        let layanan = LayananKanal(l: req.lingkungan, batas: req.application.batasDesa)
        let media = GerbangWhatsApp(k: k, client: req.application.client)
        for p in isi.pesan(idNomor: k.idNomor) { try await layanan.terima(p, media: media) }
        let pengirim = PengirimKanal(l: req.lingkungan, client: req.application.client)
        for s in isi.status(idNomor: k.idNomor) { try await pengirim.kabarGerbang(s) }
        return .ok
    }

    /// Kannel's `sms-service` (`get-url` or `post-url`): the sender, the whole text (Kannel joins
    /// a multi-part SMS) and its message id. The token in the path is the shared secret.
    @Sendable func sms(req: Request) async throws -> Response {
        try Self.periksaRahasia(req)
        let q = try (req.method == .POST ? (try? req.content.decode(SMSMasuk.self)) : nil) ?? req.query.decode(SMSMasuk.self)
        guard let dari = q.from.flatMap({ AlamatKanal(kanal: .sms, nomor: $0) }), let teks = q.text else {
            throw Abort(.badRequest, reason: "Pengirim atau isi SMS tidak ada.")
        }
        // Without Kannel's id, the same sender, time and text are the same message.
        let id = q.id.flatMap { $0.isEmpty ? nil : $0 } ?? Sidik.sha256("\(dari.nomor)|\(q.ts ?? "")|\(teks)")
        try await LayananKanal(l: req.lingkungan, batas: req.application.batasDesa)
            .terima(PesanMasuk(idLuar: id, dari: dari, isi: .teks(teks)), media: nil)
        // Replies go through the outbox: Kannel is configured to send nothing back itself.
        return Response(status: .ok, headers: ["Content-Type": "text/plain"], body: .init(string: ""))
    }

    /// Kannel's delivery report for a message SIKIM sent: type 8 (the SMSC took it) or 1
    /// (delivered) for the last part settles the outbox row; 16 (the SMSC refused) or 2 fails it.
    @Sendable func dlr(req: Request) async throws -> Response {
        try Self.periksaRahasia(req)
        let q = try req.query.decode(LaporanDLR.self)
        guard let id = q.kiriman.flatMap(UUID.init(uuidString:)), let jenis = q.status.flatMap(Int.init) else {
            throw Abort(.badRequest, reason: "Laporan pengiriman tidak lengkap.")
        }
        let bagian = (q.bagian ?? "1/1").split(separator: "/")
        let terakhir = bagian.count == 2 && bagian[0] == bagian[1]
        let pengirim = PengirimKanal(l: req.lingkungan, client: req.application.client)
        if [2, 16].contains(jenis) {
            try await pengirim.kabarGerbang(KabarGerbang(kiriman: id, idLuar: "dlr:\(jenis)", galat: "SMSC menolak pesan (DLR \(jenis))."))
        } else if [1, 8].contains(jenis), terakhir {
            try await pengirim.kabarGerbang(KabarGerbang(kiriman: id, idLuar: "dlr:\(jenis)", galat: nil))
        }
        return Response(status: .ok, headers: ["Content-Type": "text/plain"], body: .init(string: ""))
    }

    struct LaporanDLR: Content {
        let kiriman: String?
        let bagian: String?
        let status: String?
    }

    /// Kannel's routes exist only with Kannel configured, and only under its shared secret.
    private static func periksaRahasia(_ req: Request) throws {
        guard let rahasia = req.application.sikim.kanal.sms?.tokenMasuk, let token = req.parameters.get("rahasia"),
              Acak.samaKonstan(token, rahasia) else {
            throw Abort(.notFound)
        }
    }

    struct SMSMasuk: Content {
        let from: String?
        let text: String?
        let id: String?
        let ts: String?
    }
}

/// What a WhatsApp Cloud API webhook carries: messages (read here) and statuses (ignored).
struct WebhookWhatsApp: Decodable {
    struct Entri: Decodable { let changes: [Perubahan]? }
    struct Perubahan: Decodable { let value: Nilai? }
    struct Nilai: Decodable {
        struct Metadata: Decodable { let phoneNumberId: String?; enum CodingKeys: String, CodingKey { case phoneNumberId = "phone_number_id" } }
        let metadata: Metadata?
        let messages: [Pesan]?
        let statuses: [Status]?
    }
    /// What became of a message SIKIM sent: sent, delivered, read or failed.
    struct Status: Decodable {
        struct Galat: Decodable { let code: Int?; let title: String? }
        let id: String
        let status: String
        let bizOpaqueCallbackData: String?
        let errors: [Galat]?
        enum CodingKeys: String, CodingKey { case id, status, errors, bizOpaqueCallbackData = "biz_opaque_callback_data" }
    }
    struct Pesan: Decodable {
        struct Teks: Decodable { let body: String }
        struct Media: Decodable { let id: String; let caption: String? }
        struct Lokasi: Decodable { let latitude: Double; let longitude: Double }
        struct Balasan: Decodable { let id: String; let title: String }
        struct Interaktif: Decodable {
            let buttonReply: Balasan?
            let listReply: Balasan?
            enum CodingKeys: String, CodingKey { case buttonReply = "button_reply", listReply = "list_reply" }
        }
        struct Tombol: Decodable { let payload: String?; let text: String }
        let from: String
        let id: String
        let type: String
        let text: Teks?
        let image: Media?
        let location: Lokasi?
        let interactive: Interaktif?
        let button: Tombol?
    }
    let entry: [Entri]?

    /// The changes for our number.
    private func nilai(idNomor: String) -> [Nilai] {
        (entry ?? []).flatMap { $0.changes ?? [] }.compactMap(\.value)
            .filter { $0.metadata?.phoneNumberId == nil || $0.metadata?.phoneNumberId == idNomor }
    }

    /// What became of messages SIKIM sent, as the outbox reads it.
    func status(idNomor: String) -> [KabarGerbang] {
        nilai(idNomor: idNomor).flatMap { $0.statuses ?? [] }.compactMap { s in
            guard let id = s.bizOpaqueCallbackData.flatMap(UUID.init(uuidString:)) else { return nil }
            let galat = s.errors?.first.map { "WhatsApp \($0.code.map(String.init) ?? ""): \($0.title ?? "gagal")" }
            switch s.status {
            case "sent", "delivered", "read": return KabarGerbang(kiriman: id, idLuar: s.id, galat: nil)
            case "failed": return KabarGerbang(kiriman: id, idLuar: s.id, galat: galat ?? "WhatsApp: gagal terkirim")
            default: return nil
            }
        }
    }

    /// The messages sent to our number, in the order they came.
    func pesan(idNomor: String) -> [PesanMasuk] {
        nilai(idNomor: idNomor)
            .flatMap { $0.messages ?? [] }
            .compactMap { p in
                guard let dari = AlamatKanal(kanal: .whatsapp, nomor: p.from) else { return nil }
                let isi: PesanMasuk.Isi
                switch p.type {
                case "text": isi = .teks(p.text?.body ?? "")
                case "image": isi = p.image.map { .foto(media: $0.id, keterangan: $0.caption) } ?? .lain("image")
                case "location": isi = p.location.map { .lokasi(lat: $0.latitude, lon: $0.longitude) } ?? .lain("location")
                case "interactive":
                    isi = (p.interactive?.buttonReply ?? p.interactive?.listReply).map { .pilihan(id: $0.id, judul: $0.title) } ?? .lain("interactive")
                case "button": isi = p.button.map { .pilihan(id: $0.payload ?? $0.text, judul: $0.text) } ?? .lain("button")
                default: isi = .lain(p.type)
                }
                return PesanMasuk(idLuar: p.id, dari: dari, isi: isi)
            }
    }
}

import Crypto
import Foundation
import NIOConcurrencyHelpers
import Vapor
import SIKIMData
import XCTest
import XCTVapor
@testable import SIKIMServer

/// A local stand-in for the WhatsApp Cloud API, faithful to its public contract: webhooks
/// signed with `X-Hub-Signature-256` (HMAC-SHA256 of the body under the app secret) in the
/// `whatsapp_business_account` shape; `POST /{version}/{phone-number-id}/messages` with a bearer
/// token, refusing free text outside the 24-hour customer-service window (error 131047);
/// media as `GET /{version}/{media-id}` (JSON with a URL) then that URL, both with the token.
final class TiruanWhatsApp: @unchecked Sendable {
    static let (token, rahasia, idNomor, tokenVerifikasi) = ("token-uji-wa", "rahasia-aplikasi-uji", "109876543210", "verifikasi-uji")

    struct Terkirim: Sendable {
        /// The id the messages endpoint answered with (`wamid.…`).
        let idLuar: String
        let ke: String
        let jenis: String
        let json: [String: any Sendable]
        /// The text a person sees: the body, or the template's parameter.
        var teks: String {
            switch jenis {
            case "text": ((json["text"] as? [String: Any])?["body"] as? String) ?? ""
            case "interactive": (((json["interactive"] as? [String: Any])?["body"] as? [String: Any])?["text"] as? String) ?? ""
            case "template":
                ((((json["template"] as? [String: Any])?["components"] as? [[String: Any]])?.first?["parameters"] as? [[String: Any]])?
                    .first?["text"] as? String) ?? ""
            default: ""
            }
        }
    }

    let app: Application
    let jam: JamUji
    private let terkirim = NIOLockedValueBox<[Terkirim]>([])
    private let pesanTerakhir = NIOLockedValueBox<[String: Date]>([:])
    private let media = NIOLockedValueBox<[String: [UInt8]]>([:])
    /// When set, the messages endpoint answers with this status (an outage, a refusal).
    let gagal = NIOLockedValueBox<HTTPStatus?>(nil)
    private(set) var port = 0

    var dasar: String { "http://127.0.0.1:\(port)" }
    var kirimanSemua: [Terkirim] { terkirim.withLockedValue { $0 } }

    static func konfigurasi(_ t: TiruanWhatsApp) -> KonfigurasiKanal.WhatsApp {
        KonfigurasiKanal.WhatsApp(urlAPI: t.dasar + "/v21.0", token: token, idNomor: idNomor, rahasiaAplikasi: rahasia, tokenVerifikasi: tokenVerifikasi)
    }

    init(jam: JamUji) async throws {
        self.jam = jam
        app = try await Application.make(Environment(name: "testing", arguments: ["tiruan-wa"]))
        app.logger.logLevel = .error
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        rute()
        try await app.startup()
        port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
    }

    func tutup() async throws { try await app.asyncShutdown() }

    private func sah(_ req: Request) -> Bool { req.headers.bearerAuthorization?.token == Self.token }

    private static func galat(_ status: HTTPStatus, _ kode: Int, _ pesan: String) -> Response {
        let badan = try! JSONSerialization.data(withJSONObject: ["error": ["message": pesan, "type": "OAuthException", "code": kode, "fbtrace_id": "AbC"]])
        return Response(status: status, headers: ["Content-Type": "application/json"], body: .init(data: badan))
    }

    private func rute() {
        app.post("v21.0", ":nomor", "messages") { [self] req -> Response in
            guard sah(req) else { return Self.galat(.unauthorized, 190, "Invalid OAuth access token.") }
            if let status = gagal.withLockedValue({ $0 }) { return Self.galat(status, 131000, "Something went wrong") }
            guard req.parameters.get("nomor") == Self.idNomor else { return Self.galat(.badRequest, 100, "Unsupported post request.") }
            guard let data = req.body.data, let json = try JSONSerialization.jsonObject(with: Data(buffer: data)) as? [String: Any],
                  json["messaging_product"] as? String == "whatsapp", let ke = json["to"] as? String, let jenis = json["type"] as? String else {
                return Self.galat(.badRequest, 100, "Invalid parameter")
            }
            let terakhir = pesanTerakhir.withLockedValue { $0[ke] }
            if jenis != "template", terakhir.map({ jam.sekarang.timeIntervalSince($0) >= 24 * 3600 }) ?? true {
                return Self.galat(.badRequest, 131047, "Re-engagement message")
            }
            let wamid = "wamid.\(UUID().uuidString)"
            terkirim.withLockedValue { $0.append(Terkirim(idLuar: wamid, ke: ke, jenis: jenis, json: Self.salin(json))) }
            let badan = try JSONSerialization.data(withJSONObject: ["messaging_product": "whatsapp", "contacts": [["input": ke, "wa_id": ke]],
                                                                   "messages": [["id": wamid]]])
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: badan))
        }
        app.get("v21.0", ":media") { [self] req -> Response in
            guard sah(req) else { return Self.galat(.unauthorized, 190, "Invalid OAuth access token.") }
            let id = req.parameters.get("media") ?? ""
            guard let b = media.withLockedValue({ $0[id] }) else { return Self.galat(.notFound, 100, "Unsupported get request.") }
            let badan = try JSONSerialization.data(withJSONObject: ["messaging_product": "whatsapp", "url": "\(dasar)/unduh/\(id)", "mime_type": "image/jpeg",
                                                                   "sha256": SHA256.hash(data: b).map { String(format: "%02x", $0) }.joined(),
                                                                   "file_size": "\(b.count)", "id": id])
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: badan))
        }
        app.get("unduh", ":media") { [self] req -> Response in
            guard sah(req) else { return Response(status: .unauthorized) }
            guard let b = media.withLockedValue({ $0[req.parameters.get("media") ?? ""] }) else { return Response(status: .notFound) }
            return Response(status: .ok, headers: ["Content-Type": "image/jpeg"], body: .init(data: Data(b)))
        }
    }

    /// JSON values as sendable copies.
    private static func salin(_ json: [String: Any]) -> [String: any Sendable] {
        json.mapValues { v in
            if let d = v as? [String: Any] { return salin(d) as [String: any Sendable] }
            if let a = v as? [[String: Any]] { return a.map(salin) }
            return "\(v)"
        }
    }

    // MARK: Webhooks, as Meta sends them

    func simpanMedia(_ id: String, _ bytes: [UInt8]) { media.withLockedValue { $0[id] = bytes } }

    /// The webhook body for one message from `dari` (digits, no plus).
    static func webhook(dari: String, id: String, pesan: [String: Any], waktu: Date) -> Data {
        var m = pesan
        (m["from"], m["id"], m["timestamp"]) = (dari, id, String(Int(waktu.timeIntervalSince1970)))
        let isi: [String: Any] = ["object": "whatsapp_business_account", "entry": [[
            "id": "102290129340398",
            "changes": [["field": "messages", "value": [
                "messaging_product": "whatsapp",
                "metadata": ["display_phone_number": "15550783881", "phone_number_id": idNomor],
                "contacts": [["profile": ["name": "Warga"], "wa_id": dari]],
                "messages": [m],
            ]]],
        ]]]
        return try! JSONSerialization.data(withJSONObject: isi)
    }

    /// The status webhook Meta sends about a message the business sent, with the callback data
    /// it was sent with.
    static func webhookStatus(_ t: Terkirim, status: String, galat: (Int, String)? = nil, waktu: Date) -> Data {
        var s: [String: Any] = ["id": t.idLuar, "status": status, "timestamp": String(Int(waktu.timeIntervalSince1970)), "recipient_id": t.ke]
        if let c = t.json["biz_opaque_callback_data"] as? String { s["biz_opaque_callback_data"] = c }
        if let (kode, judul) = galat { s["errors"] = [["code": kode, "title": judul]] }
        let isi: [String: Any] = ["object": "whatsapp_business_account", "entry": [[
            "id": "102290129340398",
            "changes": [["field": "messages", "value": [
                "messaging_product": "whatsapp",
                "metadata": ["display_phone_number": "15550783881", "phone_number_id": idNomor],
                "statuses": [s],
            ]]],
        ]]]
        return try! JSONSerialization.data(withJSONObject: isi)
    }

    static func tandaTangan(_ badan: Data, rahasia: String = rahasia) -> String {
        "sha256=" + HMAC<SHA256>.authenticationCode(for: badan, using: SymmetricKey(data: Data(rahasia.utf8))).map { String(format: "%02x", $0) }.joined()
    }

    /// The person wrote: their 24-hour window opens now.
    func catatPesan(dari: String) { pesanTerakhir.withLockedValue { $0[dari] = jam.sekarang } }

    static func teks(_ t: String) -> [String: Any] { ["type": "text", "text": ["body": t]] }
    static func foto(_ media: String) -> [String: Any] { ["type": "image", "image": ["id": media, "mime_type": "image/jpeg", "sha256": "x"]] }
    static func lokasi(_ lat: Double, _ lon: Double) -> [String: Any] { ["type": "location", "location": ["latitude": lat, "longitude": lon]] }
    static func tombol(_ id: String, _ judul: String) -> [String: Any] {
        ["type": "interactive", "interactive": ["type": "button_reply", "button_reply": ["id": id, "title": judul]]]
    }
    static func daftar(_ id: String, _ judul: String) -> [String: Any] {
        ["type": "interactive", "interactive": ["type": "list_reply", "list_reply": ["id": id, "title": judul]]]
    }
}

/// SIKIM in memory and the stand-in, as a conversation: Meta delivers a person's message,
/// the outbox is sent, and what the stand-in received is read back.
final class ObrolanWhatsApp: @unchecked Sendable {
    let app: Application
    let wa: TiruanWhatsApp
    let jam: JamUji
    private var urutan = 0

    init(jam: JamUji, batasHarian: Int = 1000) async throws {
        self.jam = jam
        wa = try await TiruanWhatsApp(jam: jam)
        do { app = try await Uji.app(jam: jam, kanal: KonfigurasiKanal(whatsapp: TiruanWhatsApp.konfigurasi(wa), batasHarian: batasHarian)) } catch {
            try? await wa.tutup()
            throw error
        }
    }

    func tutup() async throws {
        try await Uji.tutup(app)
        try await wa.tutup()
    }

    /// Meta delivers one message from `dari` (digits, no plus); that person's window opens.
    @discardableResult
    func kirim(_ pesan: [String: Any], dari: String, id: String? = nil, tanda: String? = nil) async throws -> (XCTHTTPResponse, String) {
        urutan += 1
        let id = id ?? "wamid.UJI\(urutan)"
        // A second passes between messages, as between a person's taps: replies are queued in order.
        jam.maju(1)
        wa.catatPesan(dari: dari)
        let badan = TiruanWhatsApp.webhook(dari: dari, id: id, pesan: pesan, waktu: jam.sekarang)
        let res = try await app.sendRequest(.POST, "/api/v1/kanal/whatsapp",
                                            headers: ["Content-Type": "application/json", "X-Hub-Signature-256": tanda ?? TiruanWhatsApp.tandaTangan(badan)],
                                            body: ByteBuffer(data: badan))
        return (res, id)
    }

    /// Meta reports what became of a message it took.
    @discardableResult
    func kirimStatus(_ t: TiruanWhatsApp.Terkirim, _ status: String, galat: (Int, String)? = nil) async throws -> XCTHTTPResponse {
        let badan = TiruanWhatsApp.webhookStatus(t, status: status, galat: galat, waktu: jam.sekarang)
        return try await app.sendRequest(.POST, "/api/v1/kanal/whatsapp",
                                         headers: ["Content-Type": "application/json", "X-Hub-Signature-256": TiruanWhatsApp.tandaTangan(badan)],
                                         body: ByteBuffer(data: badan))
    }

    /// The outbox sent; what the stand-in received after the first `n`.
    func balasan(sejak n: Int) async throws -> [TiruanWhatsApp.Terkirim] {
        try await PengirimKanal(l: app.lingkungan, client: app.client).kirimYangJatuhTempo()
        return Array(wa.kirimanSemua.dropFirst(n))
    }

    var jumlahTerkirim: Int { wa.kirimanSemua.count }

    /// A pengurus account of an active KIM in Kramatwatu whose number `hp` is tied by its code.
    func pengurusTerhubung(_ hp: String) async throws -> PenggunaModel {
        let kim = try await Uji.kim(app, "36.04.05.2001")
        let p = try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        let (_, kode) = try await LayananKanal(l: app.lingkungan, batas: app.batasDesa).mintaKode("+" + hp, untuk: p)
        let n = jumlahTerkirim
        try await kirim(TiruanWhatsApp.teks("DAFTAR \(kode)"), dari: hp)
        let b = try await balasan(sejak: n)
        XCTAssertTrue(b.first?.teks.contains("terhubung dengan akun SIKIM") ?? false, "\(b.map(\.teks))")
        return p
    }
}

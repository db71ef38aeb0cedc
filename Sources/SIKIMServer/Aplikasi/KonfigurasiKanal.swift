import Foundation
import SIKIMCore

/// The chat gateways, from the environment (OPERASI, "WhatsApp dan SMS"). A channel without its
/// settings is off: its routes answer 404 and nothing is queued for it.
public struct KonfigurasiKanal: Sendable {
    /// The WhatsApp Business Platform (Cloud API).
    public struct WhatsApp: Sendable {
        /// The Graph API with its version, e.g. `https://graph.facebook.com/v21.0`.
        public var urlAPI: String
        public var token: String
        public var idNomor: String
        /// The app secret: the `X-Hub-Signature-256` of every webhook is checked against it.
        public var rahasiaAplikasi: String
        /// What Meta sends back in the subscription handshake (`hub.verify_token`).
        public var tokenVerifikasi: String
        /// The approved template used outside the 24-hour window, with one body parameter.
        public var templat: String
        public var bahasaTemplat: String

        public init(urlAPI: String, token: String, idNomor: String, rahasiaAplikasi: String, tokenVerifikasi: String,
                    templat: String = "sikim_pemberitahuan", bahasaTemplat: String = "id") {
            (self.urlAPI, self.token, self.idNomor, self.rahasiaAplikasi) = (urlAPI, token, idNomor, rahasiaAplikasi)
            (self.tokenVerifikasi, self.templat, self.bahasaTemplat) = (tokenVerifikasi, templat, bahasaTemplat)
        }
    }

    /// SMS through Kannel's smsbox, or through gammu-smsd (a modem on this machine): its
    /// RunOnReceive hook runs `sikim sms terima`, replies go out with `gammu-smsd-inject`.
    public struct SMS: Sendable {
        /// The secret in the URL Kannel's `sms-service` calls (`/api/v1/kanal/sms/<token>`);
        /// nil with gammu, which calls no URL.
        public var tokenMasuk: String?
        /// `http://127.0.0.1:13013/cgi-bin/sendsms`; nil with gammu.
        public var urlSendsms: String?
        public var pengguna: String
        public var sandi: String
        /// The sender id, when the sendsms user has no `default-sender`.
        public var pengirim: String?
        /// gammu's inject command, when SMS goes through gammu-smsd.
        public var perintahGammu: String?
        /// SIKIM's address as Kannel reaches it: with it, every sendsms asks for the SMSC's
        /// acceptance report (`dlr-mask=8`) at `…/api/v1/kanal/sms/<token>/dlr`.
        public var urlDLR: String?

        public init(tokenMasuk: String?, urlSendsms: String?, pengguna: String = "", sandi: String = "", pengirim: String? = nil,
                    perintahGammu: String? = nil) {
            (self.tokenMasuk, self.urlSendsms, self.pengguna, self.sandi) = (tokenMasuk, urlSendsms, pengguna, sandi)
            (self.pengirim, self.perintahGammu) = (pengirim, perintahGammu)
        }
    }

    public var whatsapp: WhatsApp?
    public var sms: SMS?
    /// Messages a channel may send in a day (WIB); more wait for the next day.
    public var batasHarian: Int
    /// Where links in messages point: the address people open SIKIM at.
    public var urlPublik: String
    /// The number people write to, as the account page shows it ("0811-2345-6789").
    public var nomorLayanan: String?
    /// How long an uncertain message waits for its gateway's report before it is sent again,
    /// on a channel that reports (WhatsApp's statuses, Kannel's DLR).
    public var tungguKabar: TimeInterval = 600

    /// The channels whose gateway reports what it took: an uncertain message there is settled
    /// by the report, or sent again when none came.
    public var berkabar: [JenisKanal] {
        (whatsapp != nil ? [.whatsapp] : []) + (sms?.urlDLR != nil ? [.sms] : [])
    }

    public init(whatsapp: WhatsApp? = nil, sms: SMS? = nil, batasHarian: Int = 1000, urlPublik: String = "http://127.0.0.1:8080") {
        (self.whatsapp, self.sms, self.batasHarian, self.urlPublik) = (whatsapp, sms, batasHarian, urlPublik)
    }

    public static let mati = KonfigurasiKanal()

    public func aktif(_ k: JenisKanal) -> Bool {
        switch k {
        case .whatsapp: whatsapp != nil
        case .sms: sms != nil
        }
    }

    public var adaYangAktif: Bool { JenisKanal.allCases.contains(where: aktif) }

    static func dariLingkungan(_ env: [String: String]) -> KonfigurasiKanal {
        func isi(_ k: String) -> String? { env[k].flatMap { $0.isEmpty ? nil : $0 } }
        var k = KonfigurasiKanal(batasHarian: isi("SIKIM_KANAL_BATAS_HARIAN").flatMap(Int.init) ?? 1000,
                                 urlPublik: isi("SIKIM_PUBLIC_URL") ?? "http://127.0.0.1:8080")
        k.nomorLayanan = isi("SIKIM_KANAL_NOMOR")
        k.tungguKabar = isi("SIKIM_KANAL_TUNGGU_KABAR_DETIK").flatMap(Double.init) ?? 600
        if let token = isi("SIKIM_WA_TOKEN"), let id = isi("SIKIM_WA_PHONE_NUMBER_ID"), let rahasia = isi("SIKIM_WA_APP_SECRET"),
           let verifikasi = isi("SIKIM_WA_VERIFY_TOKEN") {
            k.whatsapp = WhatsApp(urlAPI: isi("SIKIM_WA_API_URL") ?? "https://graph.facebook.com/v21.0", token: token, idNomor: id,
                                  rahasiaAplikasi: rahasia, tokenVerifikasi: verifikasi, templat: isi("SIKIM_WA_TEMPLAT") ?? "sikim_pemberitahuan",
                                  bahasaTemplat: isi("SIKIM_WA_BAHASA_TEMPLAT") ?? "id")
        }
        if let token = isi("SIKIM_SMS_TOKEN"), let url = isi("SIKIM_KANNEL_SENDSMS_URL") {
            k.sms = SMS(tokenMasuk: token, urlSendsms: url, pengguna: isi("SIKIM_KANNEL_USER") ?? "", sandi: isi("SIKIM_KANNEL_PASSWORD") ?? "",
                        pengirim: isi("SIKIM_SMS_PENGIRIM"))
            k.sms?.urlDLR = isi("SIKIM_KANNEL_DLR_URL")
        } else if ["ya", "1", "true"].contains(isi("SIKIM_SMS_GAMMU")?.lowercased() ?? "") {
            k.sms = SMS(tokenMasuk: nil, urlSendsms: nil, perintahGammu: isi("SIKIM_GAMMU_INJECT") ?? "gammu-smsd-inject")
        }
        return k
    }
}

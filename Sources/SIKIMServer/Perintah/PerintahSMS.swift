import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

struct PerintahSMS: AsyncCommandGroup {
    var help: String { "SMS lewat gammu-smsd: terima." }
    var commands: [String: any AnyAsyncCommand] { ["terima": TerimaSMS()] }
}

/// gammu-smsd's RunOnReceive hook, through a two-line script that passes the identifiers gammu
/// appends as one `--id` (OPERASI): the message in its environment, the parts of a long SMS
/// joined, taken in like one from Kannel. The reply is queued; the server sends it with
/// `gammu-smsd-inject`.
struct TerimaSMS: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "id", help: "Identifiers of the received parts, as gammu-smsd appends them.")
        var id: String?
    }
    var help: String { "Menerima SMS dari gammu-smsd (RunOnReceive)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        guard let pesan = Self.pesan(ProcessInfo.processInfo.environment, id: signature.id?.split(separator: " ").map(String.init) ?? []) else {
            throw Abort(.badRequest, reason: "Lingkungan gammu-smsd tidak memuat pengirim dan isi SMS (SMS_1_NUMBER, SMS_1_TEXT).")
        }
        try await LayananKanal(l: app.lingkungan, batas: app.batasDesa).terima(pesan, media: nil)
        context.console.print("SMS diterima.") // the number is personal data: not in gammu's log
    }

    /// The message a RunOnReceive environment describes: the decoded text of a long SMS when
    /// gammu decoded it, else the parts in order.
    static func pesan(_ env: [String: String], id: [String]) -> PesanMasuk? {
        guard let dari = env["SMS_1_NUMBER"].flatMap({ AlamatKanal(kanal: .sms, nomor: $0) }) else { return nil }
        let dekode = (1...max(1, Int(env["DECODED_PARTS"] ?? "") ?? 0)).compactMap { env["DECODED_\($0)_TEXT"] }
        let bagian = (1...max(1, Int(env["SMS_MESSAGES"] ?? "") ?? 1)).compactMap { env["SMS_\($0)_TEXT"] }
        let teks = dekode.isEmpty ? bagian.joined() : dekode.joined()
        guard !teks.isEmpty else { return nil }
        let idLuar = id.isEmpty ? Sidik.sha256("\(dari.nomor)|\(teks)") : "gammu:" + id.joined(separator: "+")
        return PesanMasuk(idLuar: idLuar, dari: dari, isi: .teks(teks))
    }
}

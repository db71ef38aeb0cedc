import Foundation

/// Tying a phone number to an account: a 6-digit code the account page shows, sent back from
/// that number. A sender id can be forged (SMS), so a code is short-lived and dies after a few
/// wrong tries: guessing one in a million is not worth a forger's while.
public enum AturanNomorKanal {
    public static let umurKode: TimeInterval = 30 * 60
    public static let maksSalah = 5

    /// Whether a code sent back ties the number: the pending one, in time, before too many
    /// wrong tries. `sha256` hashes as the stored code was hashed.
    public static func cocok(dikirim: String, hashTersimpan: String?, berlaku: Date?, salah: Int, sekarang: Date,
                             sha256: (String) -> String) -> Bool {
        guard let hashTersimpan, let berlaku, berlaku > sekarang, salah < maksSalah else { return false }
        return sha256(dikirim) == hashTersimpan
    }
}

// NoticeComposer: turns an outbox notice into the e-mail the insured receives.
public import MailMessage
import Foundation
import HTMLText
import Records
public import TeleserviceRules

/// The "avis de dépôt" as an e-mail: the notice's text, a link to the secure inbox, and nothing personal beyond the
/// address it goes to — no NIR, no card number, no attachment: the document stays behind the sign-in.
public struct NoticeComposer: Sendable {
    /// The institution, as the sender people recognise.
    public var sender: MailMessage.Mailbox
    /// Where the insured reads the document (the account's sign-in leads to the inbox).
    public var inboxURL: String

    public static let defaultSender = MailMessage.Mailbox(address: "ne-pas-repondre@assurance-maladie.fr", displayName: "L'Assurance Maladie")
    public static let defaultInboxURL = "https://assure.ameli.fr"

    public init(sender: MailMessage.Mailbox = defaultSender, inboxURL: String = defaultInboxURL) {
        self.sender = sender
        self.inboxURL = inboxURL
    }

    /// The message for one notice. Its Message-ID comes from the notice's id, so a resend after a crash carries the
    /// same one and the receiving side can tell it is the same message; its Date is the notice's.
    public func message(for notice: EmailNotice) throws(MailMessageError) -> MailMessage {
        let domain = sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
        // The link goes just before the signature (the notice's last paragraph).
        var paragraphs = notice.body.components(separatedBy: "\n\n")
        let signature = paragraphs.count > 1 ? paragraphs.removeLast() : nil
        let linkLead = "Pour consulter votre messagerie :"
        let footer = "Ce message vous est envoyé automatiquement : merci de ne pas y répondre."
        let plain = (paragraphs + ["\(linkLead) \(inboxURL)"] + (signature.map { [$0] } ?? []) + ["--\n\(footer)"])
            .joined(separator: "\n\n") + "\n"
        let html = Self.html(title: notice.subject, paragraphs: paragraphs, inboxURL: inboxURL, linkLead: linkLead,
                             signature: signature, footer: footer)
        return try MailMessage(from: sender, to: notice.to, subject: notice.subject, plainBody: plain, htmlBody: html,
                               messageID: .init(localPart: "avis-\(notice.reference.value)", domain: domain), date: notice.sentAt)
    }

    private static func html(title: String, paragraphs: [String], inboxURL: String, linkLead: String, signature: String?,
                             footer: String) -> String {
        func paragraph(_ text: String) -> String {
            "<p>" + HTMLText.escape(text).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
        }
        var lines = ["<!DOCTYPE html>", "<html lang=\"fr\">", "<head><meta charset=\"utf-8\"><title>\(HTMLText.escape(title))</title></head>", "<body>"]
        lines += paragraphs.map(paragraph)
        lines.append("<p>\(HTMLText.escape(linkLead)) <a href=\"\(HTMLText.escape(inboxURL))\">accéder à ma messagerie</a></p>")
        if let signature { lines.append(paragraph(signature)) }
        lines.append("<hr>")
        lines.append("<p><small>\(HTMLText.escape(footer))</small></p>")
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }
}

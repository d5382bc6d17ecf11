/**
 * Free-text values (`text:note`, `text:note-with-contact`) in the corpus language: short working notes
 * as people type them, and with `-with-contact` about half of them naming a person with an email
 * address or phone number.
 */
import type { Faker } from '@faker-js/faker';

interface NoteGenerator {
  int(min: number, max: number): number;
  faker(locale: string): Faker;
}

const NOTES: Record<string, { locale: string; plain: string[]; contact: string[] }> = {
  en: {
    locale: 'en',
    plain: ['Follow-up in two weeks.', 'Reviewed, no changes needed.', 'Waiting for the signed form.', 'Rescheduled at the request of the client.', 'Documents received and filed.', 'See previous entry.', 'Escalated to second level.', 'Test entry - please ignore'],
    contact: ['Call {name} back on {phone}.', 'Sent the summary to {email}.', 'Spoke with {name}; prefers email ({email}).', '{name} asked to be reached at {phone} after 5pm.'],
  },
  de: {
    locale: 'de',
    plain: ['Rückruf nächste Woche.', 'Unterlagen vollständig.', 'Zahlung angemahnt.', 'Termin verschoben auf Wunsch des Kunden.', 'Siehe Vorgang vom Vormonat.', 'Bitte nicht löschen.', 'Testdatensatz'],
    contact: ['Herr/Frau {name} bittet um Rückruf unter {phone}.', 'Angebot per Mail an {email} geschickt.', 'Ansprechpartner: {name}, Tel. {phone}.', 'Rechnung an {email} statt Postweg.'],
  },
  fr: {
    locale: 'fr',
    plain: ['Relance prévue la semaine prochaine.', 'Dossier complet.', 'En attente du devis signé.', 'Client mécontent du délai de livraison.', 'Voir échange précédent.', 'Fiche de test'],
    contact: ['Rappeler {name} au {phone}.', 'Devis envoyé à {email}.', 'Contact : {name} ({email}).', '{name} préfère être joint au {phone}.'],
  },
  es: {
    locale: 'es',
    plain: ['Pendiente de confirmar el pedido.', 'Documentación recibida.', 'Reclamación cerrada.', 'Enviar presupuesto actualizado.', 'Ver nota anterior.', 'Registro de prueba'],
    contact: ['Llamar a {name} al {phone}.', 'Factura enviada a {email}.', 'Contacto: {name}, tel. {phone}.', '{name} pide que le escriban a {email}.'],
  },
  pt: {
    locale: 'pt_BR',
    plain: ['Aguardando documentação.', 'Cadastro atualizado.', 'Retorno agendado para a próxima semana.', 'Responsável ciente.', 'Ver observação anterior.', 'teste'],
    contact: ['Ligar para {name} no {phone}.', 'Boleto enviado para {email}.', 'Contato: {name} - {phone}.', '{name} pediu retorno pelo e-mail {email}.'],
  },
  it: {
    locale: 'it',
    plain: ['Richiamare la settimana prossima.', 'Pratica completa.', 'In attesa di pagamento.', 'Vedi nota precedente.', 'Record di prova'],
    contact: ['Richiamare {name} al {phone}.', 'Preventivo inviato a {email}.', 'Referente: {name} ({email}).'],
  },
  pl: {
    locale: 'pl',
    plain: ['Oddzwonić w przyszłym tygodniu.', 'Dokumenty kompletne.', 'Czeka na zapłatę.', 'Zobacz poprzednią notatkę.', 'Korekta po kontroli.', 'Rekord testowy'],
    contact: ['Oddzwonić do {name}, tel. {phone}.', 'Fakturę wysłano na {email}.', 'Osoba kontaktowa: {name} ({email}).'],
  },
  tr: {
    locale: 'tr',
    plain: ['Gelecek hafta tekrar aranacak.', 'Evraklar tamamlandı.', 'Ödeme bekleniyor.', 'Önceki nota bakınız.', 'Deneme kaydı'],
    contact: ['{name} geri aranacak, tel: {phone}.', 'Fatura {email} adresine gönderildi.', 'İlgili kişi: {name} ({email}).'],
  },
  ja: {
    locale: 'ja',
    plain: ['来週折り返し連絡。', '書類受領済み。', '配送日変更の依頼あり。', '前回のメモを参照。', 'テストデータ'],
    contact: ['{name}様 {phone} に折り返し。', '{email} 宛に見積書送付。', '担当: {name} ({phone})'],
  },
};

export function noteText(gen: NoteGenerator, language: string, withContact: boolean): string {
  const notes = NOTES[language.split(/[-_]/)[0].toLowerCase()] ?? NOTES.en;
  const pickFrom = (list: readonly string[]) => list[gen.int(0, list.length - 1)];
  if (!withContact || gen.int(0, 1) === 0) return pickFrom(notes.plain);
  const f = gen.faker(notes.locale);
  return pickFrom(notes.contact)
    .replace('{name}', f.person.fullName())
    .replace('{email}', f.internet.email().toLowerCase())
    .replace('{phone}', f.phone.number());
}

/**
 * How the content manager shows each CRM type: the field that names an entry, the columns of its
 * list, the rows of its edit form (grouped as the CRM's own forms are) and the label of each
 * field in English, French and German. The server writes it into the content manager's
 * configuration at start-up; the admin registers the French and German labels under the content
 * manager's message ids (`content-manager.content-types.<uid>.<field>`).
 */

/** A label in each language the admin offers: English (the stored label), French, German. */
export type FieldLabel = readonly [en: string, fr: string, de: string];

/** A field of an edit row, with its width on the content manager's 12-column grid. */
export type EditField = readonly [name: string, size?: number];

export interface ContentManagerLayout {
  uid: `plugin::crm.${string}`;
  /** The field that names an entry: the edit view's title and every relation pointing here. */
  mainField?: string;
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
  /** The list view's columns. */
  list: readonly string[];
  /** The edit view's rows, group after group; fields left out of every row follow at the end. */
  edit: readonly (readonly EditField[])[];
  /** Fields never shown in the edit view (what the CRM writes by itself and the title shows). */
  hidden?: readonly string[];
  /** Fields shown but not editable; `true`: the whole record (history the CRM writes). */
  readOnly?: readonly string[] | true;
  labels: Readonly<Record<string, FieldLabel>>;
}

const POINT_LABELS = {
  type: ['Type', 'Type', 'Typ'],
  isPrimary: ['Primary', 'Principal', 'Primär'],
  customer: ['Customer', 'Client', 'Kunde'],
} as const satisfies Record<string, FieldLabel>;

const TIMESTAMP_LABELS = {
  createdAt: ['Created', 'Créé le', 'Erstellt am'],
  updatedAt: ['Updated', 'Modifié le', 'Geändert am'],
} as const satisfies Record<string, FieldLabel>;

const ACTOR_LABELS = {
  actorType: ['Done by (kind)', 'Auteur (type)', 'Ausgeführt von (Art)'],
  actorId: ['Done by (id)', 'Auteur (id)', 'Ausgeführt von (ID)'],
  actorName: ['Done by', 'Auteur', 'Ausgeführt von'],
} as const satisfies Record<string, FieldLabel>;

const OWNER_LABELS = {
  ownerType: ['Started by (kind)', 'Lancé par (type)', 'Gestartet von (Art)'],
  ownerId: ['Started by (id)', 'Lancé par (id)', 'Gestartet von (ID)'],
  ownerName: ['Started by', 'Lancé par', 'Gestartet von'],
  workerId: ['Worker', 'Processus', 'Prozess'],
  heartbeatAt: ['Last sign of life', 'Dernier signe de vie', 'Letztes Lebenszeichen'],
  startedAt: ['Started', 'Démarré le', 'Gestartet am'],
  finishedAt: ['Finished', 'Terminé le', 'Beendet am'],
  progress: ['Progress', 'Progression', 'Fortschritt'],
  object: ['Records', 'Enregistrements', 'Datensätze'],
  stage: ['Stage', 'Étape', 'Phase'],
} as const satisfies Record<string, FieldLabel>;

export const CONTENT_MANAGER_LAYOUTS: readonly ContentManagerLayout[] = [
  {
    uid: 'plugin::crm.customer',
    mainField: 'displayName',
    defaultSortBy: 'displayName',
    list: ['customerNumber', 'displayName', 'type', 'status', 'emails', 'phones'],
    edit: [
      // identity
      [['type'], ['customerNumber']],
      [['businessName', 12]],
      [
        ['firstName', 4],
        ['middleName', 4],
        ['lastName', 4],
      ],
      [['gender'], ['dateOfBirth']],
      [['maritalStatus'], ['ssn']],
      // privacy and preferences
      [['noEmail'], ['noMail'], ['noPhoneCalls']],
      [['preferredContact'], ['status']],
      // working data
      [['primaryContact'], ['externalId']],
      // public profiles, taken from a social profile lookup or typed in
      [['avatarUrl', 12]],
      [['socialProfiles', 12]],
      // contact data
      [['addresses'], ['phones']],
      [['emails']],
    ],
    hidden: ['displayName'],
    readOnly: ['customerNumber'],
    labels: {
      displayName: ['Customer', 'Client', 'Kunde'],
      customerNumber: ['Customer number', 'Numéro de client', 'Kundennummer'],
      type: ['Customer type', 'Type de client', 'Kundenart'],
      firstName: ['First name', 'Prénom', 'Vorname'],
      middleName: ['Middle name', 'Deuxième prénom', 'Zweiter Vorname'],
      lastName: ['Last name', 'Nom', 'Nachname'],
      businessName: ['Business name', 'Raison sociale', 'Firmenname'],
      gender: ['Gender', 'Genre', 'Geschlecht'],
      dateOfBirth: ['Date of birth', 'Date de naissance', 'Geburtsdatum'],
      maritalStatus: ['Marital status', 'Situation familiale', 'Familienstand'],
      ssn: ['SSN', 'Numéro de sécurité sociale', 'Sozialversicherungsnummer'],
      noEmail: ['No e-mail', 'Pas d’e-mail', 'Keine E-Mail'],
      noMail: ['No mail', 'Pas de courrier', 'Keine Post'],
      noPhoneCalls: ['No phone calls', 'Pas d’appels', 'Keine Anrufe'],
      preferredContact: ['Preferred contact', 'Contact préféré', 'Bevorzugter Kontaktweg'],
      status: ['Status', 'Statut', 'Status'],
      externalId: ['External id', 'Identifiant externe', 'Externe ID'],
      avatarUrl: ['Avatar URL', 'URL de l’avatar', 'Avatar-URL'],
      socialProfiles: ['Social profiles', 'Profils sociaux', 'Social-Media-Profile'],
      addresses: ['Addresses', 'Adresses', 'Adressen'],
      phones: ['Phones', 'Téléphones', 'Telefonnummern'],
      emails: ['E-mails', 'E-mails', 'E-Mail-Adressen'],
      primaryContact: ['Primary contact', 'Contact principal', 'Hauptansprechpartner'],
      ...TIMESTAMP_LABELS,
    },
  },
  {
    uid: 'plugin::crm.contact',
    mainField: 'displayName',
    defaultSortBy: 'displayName',
    list: ['displayName', 'company', 'jobTitle', 'email', 'active'],
    edit: [
      // identity
      [['firstName'], ['lastName']],
      [['middleName'], ['birthday']],
      [['doNotEmail'], ['doNotCall'], ['isUser']],
      [['user'], ['contactPreference']],
      [['notes', 12]],
      [['active'], ['externalId']],
      // working data
      [['company'], ['manager']],
      [['jobTitle'], ['certificate']],
      [['timezone'], ['language']],
      // contact data
      [['mobilePhone'], ['mobilePhone2']],
      [['workPhone']],
      [['email'], ['email2']],
      [['otherContacts', 12]],
      // what the CRM links to the contact
      [['marketingLists'], ['convertedCustomer']],
      [['activities']],
    ],
    hidden: ['displayName'],
    readOnly: ['convertedCustomer'],
    labels: {
      displayName: ['Contact', 'Contact', 'Kontakt'],
      firstName: ['First name', 'Prénom', 'Vorname'],
      lastName: ['Last name', 'Nom', 'Nachname'],
      middleName: ['Middle name', 'Deuxième prénom', 'Zweiter Vorname'],
      birthday: ['Birthday', 'Date d’anniversaire', 'Geburtstag'],
      doNotEmail: ['Do not send e-mails', 'Ne pas envoyer d’e-mails', 'Keine E-Mails senden'],
      doNotCall: ['Do not call', 'Ne pas appeler', 'Nicht anrufen'],
      isUser: ['Is user', 'Est utilisateur', 'Ist Benutzer'],
      user: ['User', 'Utilisateur', 'Benutzer'],
      contactPreference: ['Contact preference', 'Préférence de contact', 'Kontaktpräferenz'],
      notes: ['Notes', 'Notes', 'Notizen'],
      company: ['Company', 'Entreprise', 'Unternehmen'],
      manager: ['Manager', 'Responsable', 'Betreuer'],
      jobTitle: ['Job title', 'Fonction', 'Position'],
      certificate: ['Certificate', 'Certificat', 'Zertifikat'],
      timezone: ['Time zone', 'Fuseau horaire', 'Zeitzone'],
      language: ['Language', 'Langue', 'Sprache'],
      mobilePhone: ['Mobile phone', 'Téléphone mobile', 'Mobiltelefon'],
      mobilePhone2: ['Mobile phone 2', 'Téléphone mobile 2', 'Mobiltelefon 2'],
      workPhone: ['Work phone', 'Téléphone professionnel', 'Telefon geschäftlich'],
      email: ['E-mail', 'E-mail', 'E-Mail'],
      email2: ['E-mail 2', 'E-mail 2', 'E-Mail 2'],
      otherContacts: ['Other contacts', 'Autres moyens de contact', 'Weitere Kontaktwege'],
      active: ['Active', 'Actif', 'Aktiv'],
      externalId: ['External id', 'Identifiant externe', 'Externe ID'],
      convertedCustomer: ['Converted to customer', 'Converti en client', 'Umgewandelt in Kunde'],
      marketingLists: ['Marketing lists', 'Listes marketing', 'Marketinglisten'],
      activities: ['Activity', 'Activité', 'Aktivität'],
      ...TIMESTAMP_LABELS,
    },
  },
  {
    uid: 'plugin::crm.address',
    mainField: 'line1',
    list: ['line1', 'city', 'country', 'type', 'isPrimary', 'customer'],
    edit: [
      [['customer'], ['type']],
      [['line1'], ['line2']],
      [
        ['postalCode', 4],
        ['city', 4],
        ['region', 4],
      ],
      [['country'], ['isPrimary']],
    ],
    labels: {
      ...POINT_LABELS,
      line1: ['Address line 1', 'Adresse ligne 1', 'Adresszeile 1'],
      line2: ['Address line 2', 'Adresse ligne 2', 'Adresszeile 2'],
      city: ['City', 'Ville', 'Ort'],
      region: ['Region', 'Région', 'Region'],
      postalCode: ['Postal code', 'Code postal', 'Postleitzahl'],
      country: ['Country', 'Pays', 'Land'],
    },
  },
  {
    uid: 'plugin::crm.phone',
    mainField: 'number',
    list: ['number', 'type', 'isPrimary', 'customer'],
    edit: [
      [['customer'], ['type']],
      [['number'], ['isPrimary']],
    ],
    labels: { ...POINT_LABELS, number: ['Phone number', 'Numéro de téléphone', 'Telefonnummer'] },
  },
  {
    uid: 'plugin::crm.email',
    mainField: 'address',
    list: ['address', 'type', 'isPrimary', 'customer'],
    edit: [
      [['customer'], ['type']],
      [['address'], ['isPrimary']],
    ],
    labels: { ...POINT_LABELS, address: ['E-mail address', 'Adresse e-mail', 'E-Mail-Adresse'] },
  },
  {
    uid: 'plugin::crm.connection',
    list: ['customer', 'connectedCustomer', 'relationshipType', 'title'],
    edit: [
      [['customer'], ['connectedCustomer']],
      [['relationshipType'], ['title']],
    ],
    labels: {
      customer: ['Customer', 'Client', 'Kunde'],
      connectedCustomer: ['Connected customer', 'Client lié', 'Verbundener Kunde'],
      relationshipType: ['Relationship', 'Relation', 'Beziehung'],
      title: ['Title', 'Titre', 'Titel'],
    },
  },
  {
    uid: 'plugin::crm.relationship',
    list: ['kind', 'parent', 'child', 'customer', 'linkedCustomer', 'type'],
    edit: [[['kind']], [['parent'], ['child']], [['customer'], ['linkedCustomer']], [['type']]],
    labels: {
      kind: ['Kind', 'Nature', 'Art'],
      parent: ['Parent (head office)', 'Parent (siège)', 'Übergeordnet (Zentrale)'],
      child: ['Child (branch)', 'Enfant (filiale)', 'Untergeordnet (Filiale)'],
      customer: ['Customer', 'Client', 'Kunde'],
      linkedCustomer: ['Linked customer', 'Client associé', 'Verknüpfter Kunde'],
      type: ['Link type', 'Type de lien', 'Art der Verknüpfung'],
    },
  },
  {
    uid: 'plugin::crm.marketing-list',
    mainField: 'name',
    defaultSortBy: 'name',
    list: ['name', 'channel', 'members'],
    edit: [[['name'], ['channel']], [['members']]],
    labels: {
      name: ['Name', 'Nom', 'Name'],
      channel: ['Channel', 'Canal', 'Kanal'],
      members: ['Members', 'Membres', 'Mitglieder'],
    },
  },
  {
    uid: 'plugin::crm.activity',
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    list: ['contact', 'authorName', 'body', 'createdAt'],
    edit: [[['contact']], [['body', 12]]],
    readOnly: ['authorType', 'authorId', 'authorName'],
    labels: {
      body: ['Comment', 'Commentaire', 'Kommentar'],
      contact: ['Contact', 'Contact', 'Kontakt'],
      authorType: ['Author (kind)', 'Auteur (type)', 'Verfasser (Art)'],
      authorId: ['Author (id)', 'Auteur (id)', 'Verfasser (ID)'],
      authorName: ['Author', 'Auteur', 'Verfasser'],
      ...TIMESTAMP_LABELS,
    },
  },
  {
    uid: 'plugin::crm.audit-log',
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    list: ['createdAt', 'action', 'outcome', 'customerNumber', 'actorName'],
    edit: [],
    readOnly: true,
    labels: {
      action: ['Action', 'Action', 'Aktion'],
      outcome: ['Outcome', 'Résultat', 'Ergebnis'],
      reason: ['Reason', 'Motif', 'Grund'],
      customerDocumentId: [
        'Customer (document id)',
        'Client (id de document)',
        'Kunde (Dokument-ID)',
      ],
      customerNumber: ['Customer number', 'Numéro de client', 'Kundennummer'],
      ...ACTOR_LABELS,
      ...TIMESTAMP_LABELS,
    },
  },
  {
    uid: 'plugin::crm.history-entry',
    mainField: 'recordLabel',
    defaultSortBy: 'at',
    defaultSortOrder: 'DESC',
    list: ['at', 'action', 'recordLabel', 'changedFields', 'actorName'],
    edit: [],
    readOnly: true,
    labels: {
      at: ['When', 'Date', 'Zeitpunkt'],
      action: ['Action', 'Action', 'Aktion'],
      recordUid: ['Record type', "Type d'enregistrement", 'Datensatztyp'],
      recordDocumentId: [
        'Record (document id)',
        'Enregistrement (id de document)',
        'Datensatz (Dokument-ID)',
      ],
      recordLabel: ['Record', 'Enregistrement', 'Datensatz'],
      subjectDocumentId: [
        'History of (document id)',
        'Historique de (id de document)',
        'Verlauf von (Dokument-ID)',
      ],
      otherSubjectDocumentId: [
        'Also in the history of (document id)',
        "Aussi dans l'historique de (id de document)",
        'Auch im Verlauf von (Dokument-ID)',
      ],
      actorDocumentId: [
        'Done by (document id)',
        'Auteur (id de document)',
        'Ausgeführt von (Dokument-ID)',
      ],
      onBehalfOf: ['On behalf of', 'Pour le compte de', 'Im Auftrag von'],
      origin: ['Taken from', 'Provenance', 'Herkunft'],
      changedFields: ['Changed fields', 'Champs modifiés', 'Geänderte Felder'],
      changes: ['Changes', 'Modifications', 'Änderungen'],
      ...ACTOR_LABELS,
      ...TIMESTAMP_LABELS,
    },
  },
  {
    uid: 'plugin::crm.import-job',
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    list: ['createdAt', 'fileName', 'object', 'stage', 'ownerName'],
    edit: [],
    readOnly: true,
    labels: {
      ...OWNER_LABELS,
      fileName: ['File', 'Fichier', 'Datei'],
      fileSize: ['File size', 'Taille du fichier', 'Dateigröße'],
      format: ['Format', 'Format', 'Format'],
      counts: ['Counts', 'Comptes', 'Zahlen'],
      errors: ['Row errors', 'Erreurs de lignes', 'Zeilenfehler'],
      undoneAt: ['Undone', 'Annulé le', 'Rückgängig gemacht am'],
      ...TIMESTAMP_LABELS,
    },
  },
  {
    uid: 'plugin::crm.merge',
    defaultSortBy: 'mergedAt',
    defaultSortOrder: 'DESC',
    list: ['mergedAt', 'object', 'survivor', 'actorName', 'undoneAt'],
    edit: [],
    readOnly: true,
    labels: {
      object: ['Records', 'Enregistrements', 'Datensätze'],
      survivor: ['Kept record', 'Enregistrement conservé', 'Behaltener Datensatz'],
      merged: ['Merged records', 'Enregistrements fusionnés', 'Zusammengeführte Datensätze'],
      mergedAt: ['Merged', 'Fusionné le', 'Zusammengeführt am'],
      undoneAt: ['Undone', 'Annulé le', 'Rückgängig gemacht am'],
      undoneBy: ['Undone by', 'Annulé par', 'Rückgängig gemacht von'],
      ...ACTOR_LABELS,
    },
  },
  {
    uid: 'plugin::crm.duplicate-scan',
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    list: ['createdAt', 'object', 'stage', 'pairCount', 'clusterCount'],
    edit: [],
    readOnly: true,
    labels: {
      ...OWNER_LABELS,
      threshold: ['Threshold', 'Seuil', 'Schwellenwert'],
      pairCount: ['Pairs found', 'Paires trouvées', 'Gefundene Paare'],
      clusterCount: ['Groups found', 'Groupes trouvés', 'Gefundene Gruppen'],
      error: ['Error', 'Erreur', 'Fehler'],
      ...TIMESTAMP_LABELS,
    },
  },
];

/** The message ids of the content manager's field labels, in French (1) or German (2). */
export const contentManagerLabelMessages = (locale: string): Record<string, string> => {
  const column = locale === 'fr' ? 1 : locale === 'de' ? 2 : null;
  if (column === null) return {};
  return Object.fromEntries(
    CONTENT_MANAGER_LAYOUTS.flatMap(({ uid, labels }) =>
      Object.entries(labels).map(([field, label]): [string, string] => [
        `content-manager.content-types.${uid}.${field}`,
        label[column],
      ])
    )
  );
};

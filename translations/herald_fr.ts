<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>herald::app</name>
    <message>
        <source>REST API not started: %1</source>
        <translation>API REST non démarrée : %1</translation>
    </message>
</context>
<context>
    <name>herald::ui::CallDataPanel</name>
    <message>
        <source>Call data</source>
        <translation>Données d’appel</translation>
    </message>
    <message>
        <source>Service provider</source>
        <translation>Fournisseur de service</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>Abonné</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Provider ID</source>
        <translation>ID du fournisseur</translation>
    </message>
    <message>
        <source>ID series</source>
        <translation>Série de l’ID</translation>
    </message>
    <message>
        <source>Provider type</source>
        <translation>Type de fournisseur</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Nom du contact</translation>
    </message>
    <message>
        <source>Contact telephone</source>
        <translation>Téléphone du contact</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>Courriel du contact</translation>
    </message>
    <message>
        <source>Subcontracted for</source>
        <translation>Sous-traitant pour</translation>
    </message>
    <message>
        <source>Subcontractor priority</source>
        <translation>Priorité du sous-traitant</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Service type</source>
        <translation>Type de service</translation>
    </message>
    <message>
        <source>Mobility</source>
        <translation>Mobilité</translation>
    </message>
    <message>
        <source>Device class</source>
        <translation>Classe d’appareil</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>ID de l’appareil</translation>
    </message>
    <message>
        <source>Device data</source>
        <translation>Données de l’appareil</translation>
    </message>
    <message>
        <source>Device data type</source>
        <translation>Type de données de l’appareil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>No additional data was received with this call.</source>
        <translation>Aucune donnée complémentaire n’a été reçue avec cet appel.</translation>
    </message>
    <message>
        <source>Pending: fetching from %1…</source>
        <translation>En attente : récupération auprès de %1…</translation>
    </message>
    <message>
        <source>Unreadable: %1</source>
        <translation>Illisible : %1</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>Indisponible : %1</translation>
    </message>
    <message>
        <source>Show raw data</source>
        <translation>Afficher les données brutes</translation>
    </message>
    <message>
        <source>Raw additional data</source>
        <translation>Données complémentaires brutes</translation>
    </message>
    <message>
        <source>The subscriber asked for privacy.</source>
        <translation>L’abonné a demandé la confidentialité.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>herald::ui::CallPanel</name>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>Call state</source>
        <translation>État de l&apos;appel</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>Exporter la transcription</translation>
    </message>
    <message>
        <source>Save the transcript as PDF, JSON or CSV</source>
        <translation>Enregistrer la transcription en PDF, JSON ou CSV</translation>
    </message>
    <message>
        <source>PDF document…</source>
        <translation>Document PDF…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>&amp;End call</source>
        <translation>&amp;Terminer l&apos;appel</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Terminer l&apos;appel</translation>
    </message>
    <message>
        <source>Hang up this text call (Ctrl+E)</source>
        <translation>Terminer cet appel texte (Ctrl+E)</translation>
    </message>
    <message>
        <source>Conversation transcript</source>
        <translation>Transcription de la conversation</translation>
    </message>
    <message>
        <source>No messages yet. Greet the caller below.</source>
        <translation>Aucun message pour l&apos;instant. Saluez l&apos;appelant ci-dessous.</translation>
    </message>
    <message>
        <source>Type a reply. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Saisissez une réponse. Entrée envoie, Maj+Entrée passe à la ligne.</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Envoyer la réponse</translation>
    </message>
    <message>
        <source>&amp;Phrases</source>
        <translation>&amp;Phrases</translation>
    </message>
    <message>
        <source>Canned phrases</source>
        <translation>Phrases types</translation>
    </message>
    <message>
        <source>Insert a canned phrase in the caller&apos;s language</source>
        <translation>Insérer une phrase type dans la langue de l&apos;appelant</translation>
    </message>
    <message>
        <source>Edit phrases…</source>
        <translation>Modifier les phrases…</translation>
    </message>
    <message>
        <source>Callback number</source>
        <translation>Numéro de rappel</translation>
    </message>
    <message>
        <source>Not provided</source>
        <translation>Non communiqué</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Prise en charge</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion en cours</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Ending</source>
        <translation>Fin en cours</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Appel terminé</translation>
    </message>
    <message>
        <source>The call has ended.</source>
        <translation>L&apos;appel est terminé.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>Text call transcript</source>
        <translation>Transcription de l&apos;appel texte</translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation>ID d&apos;appel</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>No store: start Herald with --store to export JSON or CSV</source>
        <translation>Pas de stockage : lancez Herald avec --store pour exporter en JSON ou CSV</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l&apos;exportation : %1</translation>
    </message>
    <message>
        <source>Edit phrases</source>
        <translation>Modifier les phrases</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>One phrase per line (empty: the defaults):</source>
        <translation>Une phrase par ligne (vide : celles par défaut) :</translation>
    </message>
    <message>
        <source>TEST CALL</source>
        <translation>APPEL DE TEST</translation>
    </message>
    <message>
        <source>This is a test call, not an emergency</source>
        <translation>Ceci est un appel de test, pas une urgence</translation>
    </message>
    <message>
        <source>urn:service:test.sos: a test call, not an emergency</source>
        <translation>urn:service:test.sos : un appel de test, pas une urgence</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>Indicateur de saisie</translation>
    </message>
    <message>
        <source>The caller is typing…</source>
        <translation>L’appelant est en train d’écrire…</translation>
    </message>
</context>
<context>
    <name>herald::ui::CivicLabels</name>
    <message>
        <source>Floor %1</source>
        <comment>civic address: the FLR element (RFC 5139)</comment>
        <translation>Étage %1</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <comment>civic address: the UNIT element, an apartment or suite (RFC 5139)</comment>
        <translation>Logement %1</translation>
    </message>
    <message>
        <source>Room %1</source>
        <comment>civic address: the ROOM element (RFC 5139)</comment>
        <translation>Pièce %1</translation>
    </message>
</context>
<context>
    <name>herald::ui::ConsoleSettings</name>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Not a SIP URI: write it as sip:user@host or sip:host</source>
        <translation>Ce n’est pas un URI SIP : écrivez-le sous la forme sip:utilisateur@hôte ou sip:hôte</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535</source>
        <translation>Un port est un nombre de 1 à 65535</translation>
    </message>
    <message>
        <source>The user name and the password cannot contain &apos;:&apos;</source>
        <translation>Le nom d’utilisateur et le mot de passe ne peuvent pas contenir « : »</translation>
    </message>
    <message>
        <source>Give both the user name and the password, or neither</source>
        <translation>Indiquez le nom d’utilisateur et le mot de passe, ou aucun des deux</translation>
    </message>
    <message>
        <source>Use at least 16 characters</source>
        <translation>Utilisez au moins 16 caractères</translation>
    </message>
    <message>
        <source>Printable ASCII only, without spaces (it travels in an HTTP header)</source>
        <translation>ASCII imprimable uniquement, sans espace (il voyage dans un en-tête HTTP)</translation>
    </message>
    <message>
        <source>Give an absolute path</source>
        <translation>Indiquez un chemin absolu</translation>
    </message>
    <message>
        <source>No such folder</source>
        <translation>Ce dossier n’existe pas</translation>
    </message>
    <message>
        <source>Cannot read this file</source>
        <translation>Impossible de lire ce fichier</translation>
    </message>
    <message>
        <source>The alert plays WAV files only</source>
        <translation>L’alerte ne lit que des fichiers WAV</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535, or off</source>
        <translation>Un port est un nombre de 1 à 65535, ou « off » (désactivé)</translation>
    </message>
    <message>
        <source>MSRP listens on this port</source>
        <translation>MSRP écoute déjà sur ce port</translation>
    </message>
    <message>
        <source>The REST API needs a token: every request must present it</source>
        <translation>L’API REST exige un jeton : chaque requête doit le présenter</translation>
    </message>
    <message>
        <source>SIP listens on this port</source>
        <translation>SIP écoute déjà sur ce port</translation>
    </message>
</context>
<context>
    <name>herald::ui::CredentialFile</name>
    <message>
        <source>%1 is a symbolic link; credentials were not read from it</source>
        <translation>%1 est un lien symbolique ; les identifiants n’y ont pas été lus</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file; credentials were not read from it</source>
        <translation>%1 n’est pas un fichier ordinaire ; les identifiants n’y ont pas été lus</translation>
    </message>
    <message>
        <source>%1 belongs to another user; credentials were not read from it. Remove it, or save the settings again to replace it</source>
        <translation>%1 appartient à un autre utilisateur ; les identifiants n’y ont pas été lus. Supprimez-le, ou enregistrez de nouveau les paramètres pour le remplacer</translation>
    </message>
    <message>
        <source>%1 can be read by other users and its mode cannot be changed to 0600: %2</source>
        <translation>%1 est lisible par d’autres utilisateurs et son mode ne peut pas passer à 0600 : %2</translation>
    </message>
    <message>
        <source>%1 is too large to hold credentials</source>
        <translation>%1 est trop volumineux pour contenir des identifiants</translation>
    </message>
    <message>
        <source>%1, line %2: not a &quot;key=value&quot; line</source>
        <translation>%1, ligne %2 : ce n’est pas une ligne « clé=valeur »</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>Impossible de supprimer %1 : %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation>Impossible de remplacer %1 : %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>herald::ui::IncomingCallsModel</name>
    <message>
        <source>Not provided</source>
        <translation>Non communiqué</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Ending</source>
        <translation>Fin en cours</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Pending…</source>
        <translation>En attente…</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Indisponible</translation>
    </message>
    <message>
        <source>%1 (test call)</source>
        <translation>%1 (appel de test)</translation>
    </message>
</context>
<context>
    <name>herald::ui::LabView</name>
    <message>
        <source>SIP &amp;dialogs</source>
        <translation>&amp;Dialogues SIP</translation>
    </message>
    <message>
        <source>SIP dialogs</source>
        <translation>Dialogues SIP</translation>
    </message>
    <message>
        <source>No SIP dialogs</source>
        <translation>Aucun dialogue SIP</translation>
    </message>
    <message>
        <source>&amp;MSRP sessions</source>
        <translation>Sessions &amp;MSRP</translation>
    </message>
    <message>
        <source>MSRP sessions</source>
        <translation>Sessions MSRP</translation>
    </message>
    <message>
        <source>No MSRP sessions</source>
        <translation>Aucune session MSRP</translation>
    </message>
    <message>
        <source>&amp;TCP connections</source>
        <translation>Connexions &amp;TCP</translation>
    </message>
    <message>
        <source>TCP connections</source>
        <translation>Connexions TCP</translation>
    </message>
    <message>
        <source>No TCP connections</source>
        <translation>Aucune connexion TCP</translation>
    </message>
    <message>
        <source>MSRP tra&amp;ce</source>
        <translation>Tra&amp;ce MSRP</translation>
    </message>
    <message>
        <source>SIP &amp;ladder</source>
        <translation>Diagramme de &amp;flux SIP</translation>
    </message>
    <message>
        <source>Call-ID %1</source>
        <translation>Call-ID %1</translation>
    </message>
</context>
<context>
    <name>herald::ui::LocationPanel</name>
    <message>
        <source>Location</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <source>Location status</source>
        <translation>État de la localisation</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>Incertitude</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Provided by</source>
        <translation>Fournie par</translation>
    </message>
    <message>
        <source>Determined</source>
        <translation>Déterminée</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Coordonnées :</translation>
    </message>
    <message>
        <source>Uncertainty:</source>
        <translation>Incertitude :</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>Confiance :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Méthode :</translation>
    </message>
    <message>
        <source>Provided by:</source>
        <translation>Fournie par :</translation>
    </message>
    <message>
        <source>Determined:</source>
        <translation>Déterminée :</translation>
    </message>
    <message>
        <source>Show raw data</source>
        <translation>Afficher les données brutes</translation>
    </message>
    <message>
        <source>Raw location data</source>
        <translation>Données de localisation brutes</translation>
    </message>
    <message>
        <source>Earlier locations</source>
        <translation>Localisations précédentes</translation>
    </message>
    <message>
        <source>%1° %2, %3° %4</source>
        <translation>%1° %2, %3° %4</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>W</source>
        <translation>O</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>, altitude %1 m</source>
        <translation>, altitude %1 m</translation>
    </message>
    <message>
        <source>None given (a point)</source>
        <translation>Non précisée (un point)</translation>
    </message>
    <message>
        <source>±%1 m (circle)</source>
        <translation>±%1 m (cercle)</translation>
    </message>
    <message>
        <source>±%1 m by ±%2 m (ellipse, %3° from north)</source>
        <translation>±%1 m sur ±%2 m (ellipse, %3° par rapport au nord)</translation>
    </message>
    <message>
        <source>%1–%2 m from the antenna, bearing %3° to %4°</source>
        <translation>À %1–%2 m de l’antenne, azimut de %3° à %4°</translation>
    </message>
    <message numerus="yes">
        <source>Within a polygon of %n corners</source>
        <translation>
            <numerusform>Dans un polygone de %n sommet</numerusform>
            <numerusform>Dans un polygone de %n sommets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Within a polygon of %n corners, %1 m high</source>
        <translation>
            <numerusform>Dans un polygone de %n sommet, %1 m de haut</numerusform>
            <numerusform>Dans un polygone de %n sommets, %1 m de haut</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending: fetching the location from %1…</source>
        <translation>En attente : récupération de la localisation auprès de %1…</translation>
    </message>
    <message>
        <source>Unreadable location data: %1</source>
        <translation>Données de localisation illisibles : %1</translation>
    </message>
    <message>
        <source>Location unavailable: %1</source>
        <translation>Localisation indisponible : %1</translation>
    </message>
    <message>
        <source>Unreadable Geolocation header: %1</source>
        <translation>En-tête Geolocation illisible : %1</translation>
    </message>
    <message numerus="yes">
        <source>Latest of %n locations</source>
        <translation>
            <numerusform>La plus récente de %n localisation</numerusform>
            <numerusform>La plus récente de %n localisations</numerusform>
        </translation>
    </message>
    <message>
        <source>As received with the call</source>
        <translation>Telle que reçue avec l’appel</translation>
    </message>
    <message>
        <source>No location was received with this call.</source>
        <translation>Aucune localisation n&apos;a été reçue avec cet appel.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 % (not stated; RFC 5491 default)</source>
        <translation>%1 % (non indiqué ; valeur par défaut de la RFC 5491)</translation>
    </message>
</context>
<context>
    <name>herald::ui::MainWindow</name>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>PSAP</source>
        <translation>PSAP</translation>
    </message>
    <message>
        <source>Text calls: conversation, caller and location (Ctrl+1)</source>
        <translation>Appels texte : conversation, appelant et localisation (Ctrl+1)</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Labo</translation>
    </message>
    <message>
        <source>SIP dialogs, MSRP sessions and TCP connections (Ctrl+2)</source>
        <translation>Dialogues SIP, sessions MSRP et connexions TCP (Ctrl+2)</translation>
    </message>
    <message>
        <source>MSRP listener</source>
        <translation>Écoute MSRP</translation>
    </message>
    <message>
        <source>MSRP connections</source>
        <translation>Connexions MSRP</translation>
    </message>
    <message>
        <source>SIP listener</source>
        <translation>Écoute SIP</translation>
    </message>
    <message>
        <source>&amp;Incoming texts</source>
        <translation>Textes e&amp;ntrants</translation>
    </message>
    <message>
        <source>No incoming text calls</source>
        <translation>Aucun appel texte entrant</translation>
    </message>
    <message>
        <source>Incoming text calls</source>
        <translation>Appels texte entrants</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>P&amp;rendre</translation>
    </message>
    <message>
        <source>Accept call</source>
        <translation>Prendre l&apos;appel</translation>
    </message>
    <message>
        <source>Answer the selected text call, or the one waiting longest</source>
        <translation>Prendre l&apos;appel texte sélectionné, ou celui qui attend depuis le plus longtemps</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;PSAP</source>
        <translation>&amp;PSAP</translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation>&amp;Labo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Herald</source>
        <translation>&amp;À propos de Herald</translation>
    </message>
    <message>
        <source>About Herald</source>
        <translation>À propos de Herald</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Herald&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Open-source MSRP media server and operator console.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Herald&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Serveur multimédia MSRP et console opérateur libres.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The call is no longer waiting</source>
        <translation>L&apos;appel n&apos;est plus en attente</translation>
    </message>
    <message numerus="yes">
        <source>%n text calls are open: end one before accepting another</source>
        <translation>
            <numerusform>%n appel texte ouvert : terminez-le avant d’en prendre un autre</numerusform>
            <numerusform>%n appels texte ouverts : terminez-en un avant d’en prendre un autre</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot answer: %1</source>
        <translation>Impossible de prendre l’appel : %1</translation>
    </message>
    <message>
        <source>SIP port %1</source>
        <translation>Port SIP %1</translation>
    </message>
    <message>
        <source>SIP not listening</source>
        <translation>SIP à l’arrêt</translation>
    </message>
    <message>
        <source>MSRP listening on %1</source>
        <translation>MSRP à l’écoute sur %1</translation>
    </message>
    <message>
        <source>MSRP not listening</source>
        <translation>MSRP à l’arrêt</translation>
    </message>
    <message>
        <source>MSRP not listening: %1</source>
        <translation>MSRP à l’arrêt : %1</translation>
    </message>
    <message>
        <source>1 MSRP connection</source>
        <translation>1 connexion MSRP</translation>
    </message>
    <message numerus="yes">
        <source>%n MSRP connections</source>
        <translation>
            <numerusform>%n connexion MSRP</numerusform>
            <numerusform>%n connexions MSRP</numerusform>
        </translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie vocale</translation>
    </message>
    <message>
        <source>Send a file over MSRP and watch its chunks go (Ctrl+3)</source>
        <translation>Envoyer un fichier par MSRP et suivre ses segments (Ctrl+3)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Voicemail</source>
        <translation>&amp;Messagerie vocale</translation>
    </message>
</context>
<context>
    <name>herald::ui::MsrpSessionsModel</name>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 out / %2 in</source>
        <translation>%1 env. / %2 reç.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Message-ID %1</source>
        <translation>Message-ID %1</translation>
    </message>
</context>
<context>
    <name>herald::ui::MsrpTraceModel</name>
    <message>
        <source>→ sent</source>
        <translation>→ envoyé</translation>
    </message>
    <message>
        <source>← received</source>
        <translation>← reçu</translation>
    </message>
    <message>
        <source>%1… (%2 bytes)</source>
        <translation>%1… (%2 octets)</translation>
    </message>
    <message>
        <source>[%1 more bytes not kept]</source>
        <translation>[%1 octets de plus non conservés]</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Trame</translation>
    </message>
    <message>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
</context>
<context>
    <name>herald::ui::MsrpTraceView</name>
    <message>
        <source>Rec&amp;ord frames</source>
        <translation>Enregistrer les tra&amp;mes</translation>
    </message>
    <message>
        <source>Filter: method, status, Message-ID or text</source>
        <translation>Filtre : méthode, statut, Message-ID ou texte</translation>
    </message>
    <message>
        <source>Trace filter</source>
        <translation>Filtre de la trace</translation>
    </message>
    <message numerus="yes">
        <source>Keep the last %n frames of each session</source>
        <translation>
            <numerusform>Conserver la dernière trame de chaque session</numerusform>
            <numerusform>Conserver les %n dernières trames de chaque session</numerusform>
        </translation>
    </message>
    <message>
        <source>MSRP frames</source>
        <translation>Trames MSRP</translation>
    </message>
    <message>
        <source>Selected MSRP frame</source>
        <translation>Trame MSRP sélectionnée</translation>
    </message>
    <message>
        <source>Select a frame to see it in full</source>
        <translation>Sélectionnez une trame pour l’afficher en entier</translation>
    </message>
    <message>
        <source>Filt&amp;er:</source>
        <translation>Filt&amp;re :</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Aucune session sélectionnée</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <source>Select an MSRP session to see its frames</source>
        <translation>Sélectionnez une session MSRP pour voir ses trames</translation>
    </message>
    <message>
        <source>No frames recorded for this session yet</source>
        <translation>Aucune trame enregistrée pour cette session pour l’instant</translation>
    </message>
    <message>
        <source>Recording is off</source>
        <translation>L’enregistrement est désactivé</translation>
    </message>
</context>
<context>
    <name>herald::ui::PsapView</name>
    <message>
        <source>No text call in progress</source>
        <translation>Aucun appel texte en cours</translation>
    </message>
    <message>
        <source>Waiting calls appear in the Incoming texts queue with a chime and a flashing row.
Select one and press Enter (or Accept) to answer it. Up to %1 calls can be open at once.</source>
        <translation>Les appels en attente apparaissent dans la file Textes entrants avec un carillon et une ligne clignotante.
Sélectionnez-en un et appuyez sur Entrée (ou Prendre) pour y répondre. Jusqu’à %1 appels peuvent être ouverts à la fois.</translation>
    </message>
    <message>
        <source>Text calls</source>
        <translation>Appels texte</translation>
    </message>
    <message>
        <source>Text call from %1</source>
        <translation>Appel texte de %1</translation>
    </message>
    <message>
        <source>%1 (ended)</source>
        <translation>%1 (terminé)</translation>
    </message>
</context>
<context>
    <name>herald::ui::SettingsDialog</name>
    <message>
        <source>Herald settings</source>
        <translation>Paramètres de Herald</translation>
    </message>
    <message>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identité :</translation>
    </message>
    <message>
        <source>SIP identity</source>
        <translation>Identité SIP</translation>
    </message>
    <message>
        <source>sip:psap@example.org</source>
        <translation>sip:psap@example.org</translation>
    </message>
    <message>
        <source>SIP por&amp;t:</source>
        <translation>Por&amp;t SIP :</translation>
    </message>
    <message>
        <source>SIP port</source>
        <translation>Port SIP</translation>
    </message>
    <message>
        <source>Outbound &amp;proxy:</source>
        <translation>&amp;Proxy sortant :</translation>
    </message>
    <message>
        <source>Outbound proxy</source>
        <translation>Proxy sortant</translation>
    </message>
    <message>
        <source>None (e.g. sip:proxy.example.org)</source>
        <translation>Aucun (par ex. sip:proxy.example.org)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nom d’utilisateur :</translation>
    </message>
    <message>
        <source>SIP user name</source>
        <translation>Nom d’utilisateur SIP</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse :</translation>
    </message>
    <message>
        <source>SIP password</source>
        <translation>Mot de passe SIP</translation>
    </message>
    <message>
        <source>MSRP and REST</source>
        <translation>MSRP et REST</translation>
    </message>
    <message>
        <source>&amp;MSRP port:</source>
        <translation>Port &amp;MSRP :</translation>
    </message>
    <message>
        <source>MSRP port</source>
        <translation>Port MSRP</translation>
    </message>
    <message>
        <source>&amp;REST token:</source>
        <translation>Jeton &amp;REST :</translation>
    </message>
    <message>
        <source>REST API token</source>
        <translation>Jeton de l’API REST</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Media, alert and language</source>
        <translation>Médias, alerte et langue</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parco&amp;urir…</translation>
    </message>
    <message>
        <source>Choose the media root folder</source>
        <translation>Choisir le dossier racine des médias</translation>
    </message>
    <message>
        <source>Me&amp;dia root:</source>
        <translation>Racine &amp;des médias :</translation>
    </message>
    <message>
        <source>Media root folder</source>
        <translation>Dossier racine des médias</translation>
    </message>
    <message>
        <source>None: MSML plays no local files</source>
        <translation>Aucune : MSML ne lit aucun fichier local</translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <source>Choose the alert sound</source>
        <translation>Choisir le son d’alerte</translation>
    </message>
    <message>
        <source>&amp;Alert sound:</source>
        <translation>Son d’a&amp;lerte :</translation>
    </message>
    <message>
        <source>Alert sound file</source>
        <translation>Fichier du son d’alerte</translation>
    </message>
    <message>
        <source>The built-in chime</source>
        <translation>Le carillon intégré</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Lan&amp;gue :</translation>
    </message>
    <message>
        <source>Restart Herald to apply these changes. The alert sound changes at once.</source>
        <translation>Redémarrez Herald pour appliquer ces modifications. Le son d’alerte change immédiatement.</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>SIP, MSRP, REST and media settings and the language take effect the next time Herald starts; options given on the command line win over them.</source>
        <translation>Les réglages SIP, MSRP, REST et médias, ainsi que la langue, s’appliquent au prochain démarrage de Herald ; les options de la ligne de commande l’emportent.</translation>
    </message>
    <message>
        <source>Choose the media root</source>
        <translation>Choisir la racine des médias</translation>
    </message>
    <message>
        <source>WAV sounds (*.wav)</source>
        <translation>Sons WAV (*.wav)</translation>
    </message>
    <message>
        <source>R&amp;EST port:</source>
        <translation>Port R&amp;EST :</translation>
    </message>
    <message>
        <source>REST API port</source>
        <translation>Port de l’API REST</translation>
    </message>
    <message>
        <source>Off (e.g. 8081, on 127.0.0.1)</source>
        <translation>Désactivé (p. ex. 8081, sur 127.0.0.1)</translation>
    </message>
</context>
<context>
    <name>herald::ui::SipDialogsModel</name>
    <message>
        <source>Call-ID</source>
        <translation>Call-ID</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Distant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>MSRP session</source>
        <translation>Session MSRP</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrant</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Sortant</translation>
    </message>
</context>
<context>
    <name>herald::ui::SipLadderModel</name>
    <message>
        <source>→ sent</source>
        <translation>→ envoyé</translation>
    </message>
    <message>
        <source>← received</source>
        <translation>← reçu</translation>
    </message>
    <message>
        <source>Sent by the SIP stack on its own</source>
        <translation>Envoyé par la pile SIP d’elle-même</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>herald::ui::SipLadderView</name>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Distant</translation>
    </message>
    <message>
        <source>Record messa&amp;ges</source>
        <translation>Enregistrer les messa&amp;ges</translation>
    </message>
    <message numerus="yes">
        <source>Keep the last %n messages of each dialog</source>
        <translation>
            <numerusform>Conserver le dernier message de chaque dialogue</numerusform>
            <numerusform>Conserver les %n derniers messages de chaque dialogue</numerusform>
        </translation>
    </message>
    <message>
        <source>SIP ladder</source>
        <translation>Diagramme de flux SIP</translation>
    </message>
    <message>
        <source>Selected SIP message</source>
        <translation>Message SIP sélectionné</translation>
    </message>
    <message>
        <source>Select a message to see it in full</source>
        <translation>Sélectionnez un message pour l’afficher en entier</translation>
    </message>
    <message>
        <source>No dialog selected</source>
        <translation>Aucun dialogue sélectionné</translation>
    </message>
    <message>
        <source>Select a SIP dialog to see its ladder</source>
        <translation>Sélectionnez un dialogue SIP pour voir son diagramme de flux</translation>
    </message>
    <message>
        <source>No messages recorded for this dialog yet</source>
        <translation>Aucun message enregistré pour ce dialogue pour l’instant</translation>
    </message>
    <message>
        <source>Recording is off</source>
        <translation>L’enregistrement est désactivé</translation>
    </message>
</context>
<context>
    <name>herald::ui::StateNames</name>
    <message>
        <source>Idle</source>
        <comment>MSRP session state</comment>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Connecting</source>
        <comment>MSRP session state</comment>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Waiting</source>
        <comment>MSRP session state</comment>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>MSRP session state</comment>
        <translation>Active</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>MSRP session state</comment>
        <translation>Fermée</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>MSRP session state</comment>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Offered</source>
        <comment>SIP dialog state</comment>
        <translation>Présenté</translation>
    </message>
    <message>
        <source>Ringing</source>
        <comment>SIP dialog state</comment>
        <translation>Sonnerie</translation>
    </message>
    <message>
        <source>Calling</source>
        <comment>SIP dialog state</comment>
        <translation>Appel émis</translation>
    </message>
    <message>
        <source>Answering</source>
        <comment>SIP dialog state</comment>
        <translation>Décroché</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>SIP dialog state</comment>
        <translation>Établi</translation>
    </message>
    <message>
        <source>Ending</source>
        <comment>SIP dialog state</comment>
        <translation>Fin en cours</translation>
    </message>
    <message>
        <source>Ended</source>
        <comment>SIP dialog state</comment>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>SIP dialog state</comment>
        <translation>En échec</translation>
    </message>
</context>
<context>
    <name>herald::ui::TcpConnectionsModel</name>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Octets reçus</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Trames</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrant</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Sortant</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation>%1 reç. / %2 env.</translation>
    </message>
</context>
<context>
    <name>herald::ui::TranscriptModel</name>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>✓ Sent</source>
        <translation>✓ Envoyé</translation>
    </message>
    <message>
        <source>✓✓ Acknowledged</source>
        <translation>✓✓ Acquitté</translation>
    </message>
    <message>
        <source>✓✓ Delivered</source>
        <translation>✓✓ Remis</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ Échec</translation>
    </message>
    <message>
        <source>Call-taker</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Sent to the caller&apos;s network</source>
        <translation>Envoyé au réseau de l’appelant</translation>
    </message>
    <message>
        <source>The next hop confirmed it (MSRP 200)</source>
        <translation>Le saut suivant l’a confirmé (MSRP 200)</translation>
    </message>
    <message>
        <source>The caller&apos;s device confirmed it (success report)</source>
        <translation>L’appareil de l’appelant l’a confirmé (rapport de succès)</translation>
    </message>
    <message>
        <source>Not delivered: resend or call back</source>
        <translation>Non remis : renvoyez-le ou rappelez</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message numerus="yes">
        <source>[%1, %n bytes]</source>
        <translation>
            <numerusform>[%1, %n octet]</numerusform>
            <numerusform>[%1, %n octets]</numerusform>
        </translation>
    </message>
    <message>
        <source>✓✓ Read</source>
        <translation>✓✓ Lu</translation>
    </message>
</context>
<context>
    <name>herald::ui::VoicemailView</name>
    <message>
        <source>Voicemail delivery</source>
        <translation>Remise de messages vocaux</translation>
    </message>
    <message>
        <source>Sends a recorded message as an MSRP file transfer (RFC 5547): the destination answers the offer and Herald streams the file in chunks, each acknowledged by the receiver.</source>
        <translation>Envoie un message enregistré par transfert de fichier MSRP (RFC 5547) : la destination répond à l’offre et Herald transmet le fichier par segments, chacun acquitté par le destinataire.</translation>
    </message>
    <message>
        <source>Acknowledged share of the file</source>
        <translation>Part du fichier acquittée</translation>
    </message>
    <message>
        <source>%1 % acknowledged</source>
        <translation>%1 % acquitté</translation>
    </message>
    <message>
        <source>Choose a file and a destination, then send.</source>
        <translation>Choisissez un fichier et une destination, puis envoyez.</translation>
    </message>
    <message>
        <source>Delivery state</source>
        <translation>État de la remise</translation>
    </message>
    <message>
        <source>&amp;Chunks sent</source>
        <translation>&amp;Segments envoyés</translation>
    </message>
    <message>
        <source>Chunks sent</source>
        <translation>Segments envoyés</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Byte-Range</source>
        <translation>Byte-Range</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquitté</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>File to send</source>
        <translation>Fichier à envoyer</translation>
    </message>
    <message>
        <source>A recording, e.g. message.amr or message.wav</source>
        <translation>Un enregistrement, par ex. message.amr ou message.wav</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>Ch&amp;oisir…</translation>
    </message>
    <message>
        <source>Choose the file to send</source>
        <translation>Choisir le fichier à envoyer</translation>
    </message>
    <message>
        <source>&amp;Local delivery endpoint (this machine)</source>
        <translation>Point de remise &amp;local (cette machine)</translation>
    </message>
    <message>
        <source>Deliver to the local endpoint</source>
        <translation>Remettre au point de remise local</translation>
    </message>
    <message>
        <source>SIP &amp;URI:</source>
        <translation>URI S&amp;IP :</translation>
    </message>
    <message>
        <source>Deliver to a SIP URI</source>
        <translation>Remettre à un URI SIP</translation>
    </message>
    <message>
        <source>Destination SIP URI</source>
        <translation>URI SIP de destination</translation>
    </message>
    <message>
        <source>sip:voicemail@example.org</source>
        <translation>sip:messagerie@example.org</translation>
    </message>
    <message>
        <source>Outbound proxy</source>
        <translation>Proxy sortant</translation>
    </message>
    <message>
        <source>None (e.g. sip:proxy.example.org)</source>
        <translation>Aucun (par ex. sip:proxy.example.org)</translation>
    </message>
    <message>
        <source>&amp;Send voicemail</source>
        <translation>Envo&amp;yer le message vocal</translation>
    </message>
    <message>
        <source>Send voicemail</source>
        <translation>Envoyer le message vocal</translation>
    </message>
    <message>
        <source>Fil&amp;e:</source>
        <translation>Fi&amp;chier :</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destination :</translation>
    </message>
    <message>
        <source>Outbound &amp;proxy:</source>
        <translation>&amp;Proxy sortant :</translation>
    </message>
    <message>
        <source>Choose the voicemail to send</source>
        <translation>Choisir le message vocal à envoyer</translation>
    </message>
    <message>
        <source>Recordings (*.amr *.wav *.mp3 *.ogg *.opus);;All files (*)</source>
        <translation>Enregistrements (*.amr *.wav *.mp3 *.ogg *.opus);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>started when you send</source>
        <translation>démarré à l’envoi</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>non disponible</translation>
    </message>
    <message>
        <source>The destination must be a SIP URI such as sip:voicemail@example.org</source>
        <translation>La destination doit être un URI SIP, comme sip:messagerie@example.org</translation>
    </message>
    <message>
        <source>A voicemail is being sent</source>
        <translation>Un message vocal est déjà en cours d’envoi</translation>
    </message>
    <message>
        <source>Cannot read the file %1</source>
        <translation>Impossible de lire le fichier %1</translation>
    </message>
    <message>
        <source>The outbound proxy must be a SIP URI such as sip:proxy.example.org</source>
        <translation>Le proxy sortant doit être un URI SIP, comme sip:proxy.example.org</translation>
    </message>
    <message>
        <source>Cannot offer the file: %1</source>
        <translation>Impossible de proposer le fichier : %1</translation>
    </message>
    <message>
        <source>Cannot call %1: %2</source>
        <translation>Impossible d’appeler %1 : %2</translation>
    </message>
    <message>
        <source>Cannot send the file: %1</source>
        <translation>Impossible d’envoyer le fichier : %1</translation>
    </message>
    <message>
        <source>Refused by %1: %2 %3</source>
        <translation>Refusé par %1 : %2 %3</translation>
    </message>
    <message>
        <source>The call ended before the file was delivered</source>
        <translation>L’appel s’est terminé avant la remise du fichier</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>Appel de %1…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d’attente</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 sur %2 octets</translation>
    </message>
    <message>
        <source>Delivered: %1 (%2 bytes) acknowledged by %3</source>
        <translation>Remis : %1 (%2 octets) acquitté par %3</translation>
    </message>
    <message>
        <source>Not delivered: %1 %2</source>
        <translation>Non remis : %1 %2</translation>
    </message>
    <message>
        <source>Sending %1: %2 of %3 bytes sent</source>
        <translation>Envoi de %1 : %2 sur %3 octets envoyés</translation>
    </message>
    <message>
        <source>%1 bytes stored</source>
        <translation>%1 octets stockés</translation>
    </message>
    <message>
        <source>Received by the local endpoint: %1</source>
        <translation>Reçu par le point de remise local : %1</translation>
    </message>
</context>
</TS>

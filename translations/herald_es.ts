<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>herald::app</name>
    <message>
        <source>REST API not started: %1</source>
        <translation>API REST no iniciada: %1</translation>
    </message>
</context>
<context>
    <name>herald::ui::CallDataPanel</name>
    <message>
        <source>Call data</source>
        <translation>Datos de la llamada</translation>
    </message>
    <message>
        <source>Service provider</source>
        <translation>Proveedor de servicio</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>Abonado</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Provider ID</source>
        <translation>ID del proveedor</translation>
    </message>
    <message>
        <source>ID series</source>
        <translation>Serie del ID</translation>
    </message>
    <message>
        <source>Provider type</source>
        <translation>Tipo de proveedor</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Nombre de contacto</translation>
    </message>
    <message>
        <source>Contact telephone</source>
        <translation>Teléfono de contacto</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>Correo electrónico de contacto</translation>
    </message>
    <message>
        <source>Subcontracted for</source>
        <translation>Subcontratado por</translation>
    </message>
    <message>
        <source>Subcontractor priority</source>
        <translation>Prioridad del subcontratista</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Service type</source>
        <translation>Tipo de servicio</translation>
    </message>
    <message>
        <source>Mobility</source>
        <translation>Movilidad</translation>
    </message>
    <message>
        <source>Device class</source>
        <translation>Clase de dispositivo</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Fabricante</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>ID del dispositivo</translation>
    </message>
    <message>
        <source>Device data</source>
        <translation>Datos del dispositivo</translation>
    </message>
    <message>
        <source>Device data type</source>
        <translation>Tipo de datos del dispositivo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>No additional data was received with this call.</source>
        <translation>No se recibieron datos adicionales con esta llamada.</translation>
    </message>
    <message>
        <source>Pending: fetching from %1…</source>
        <translation>Pendiente: obteniendo de %1…</translation>
    </message>
    <message>
        <source>Unreadable: %1</source>
        <translation>Ilegible: %1</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>No disponible: %1</translation>
    </message>
    <message>
        <source>Show raw data</source>
        <translation>Mostrar datos sin procesar</translation>
    </message>
    <message>
        <source>Raw additional data</source>
        <translation>Datos adicionales sin procesar</translation>
    </message>
    <message>
        <source>The subscriber asked for privacy.</source>
        <translation>El abonado solicitó privacidad.</translation>
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
        <translation>Llamante</translation>
    </message>
    <message>
        <source>Call state</source>
        <translation>Estado de la llamada</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>Exportar la transcripción</translation>
    </message>
    <message>
        <source>Save the transcript as PDF, JSON or CSV</source>
        <translation>Guardar la transcripción en PDF, JSON o CSV</translation>
    </message>
    <message>
        <source>PDF document…</source>
        <translation>Documento PDF…</translation>
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
        <translation>&amp;Finalizar llamada</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Finalizar llamada</translation>
    </message>
    <message>
        <source>Hang up this text call (Ctrl+E)</source>
        <translation>Finalizar esta llamada de texto (Ctrl+E)</translation>
    </message>
    <message>
        <source>Conversation transcript</source>
        <translation>Transcripción de la conversación</translation>
    </message>
    <message>
        <source>No messages yet. Greet the caller below.</source>
        <translation>Todavía no hay mensajes. Salude al llamante abajo.</translation>
    </message>
    <message>
        <source>Type a reply. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Escriba una respuesta. Intro envía; Mayús+Intro inicia una línea nueva.</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Enviar respuesta</translation>
    </message>
    <message>
        <source>&amp;Phrases</source>
        <translation>Fra&amp;ses</translation>
    </message>
    <message>
        <source>Canned phrases</source>
        <translation>Frases predefinidas</translation>
    </message>
    <message>
        <source>Insert a canned phrase in the caller&apos;s language</source>
        <translation>Insertar una frase predefinida en el idioma del llamante</translation>
    </message>
    <message>
        <source>Edit phrases…</source>
        <translation>Editar frases…</translation>
    </message>
    <message>
        <source>Callback number</source>
        <translation>Número de devolución de llamada</translation>
    </message>
    <message>
        <source>Not provided</source>
        <translation>No facilitado</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Atendida</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectada</translation>
    </message>
    <message>
        <source>Ending</source>
        <translation>Finalizando</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Llamada finalizada</translation>
    </message>
    <message>
        <source>The call has ended.</source>
        <translation>La llamada ha finalizado.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>Text call transcript</source>
        <translation>Transcripción de la llamada de texto</translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation>ID de llamada</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>No se puede escribir %1</translation>
    </message>
    <message>
        <source>No store: start Herald with --store to export JSON or CSV</source>
        <translation>Sin almacén: inicie Herald con --store para exportar en JSON o CSV</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
    <message>
        <source>Edit phrases</source>
        <translation>Editar frases</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>One phrase per line (empty: the defaults):</source>
        <translation>Una frase por línea (vacío: las predeterminadas):</translation>
    </message>
    <message>
        <source>TEST CALL</source>
        <translation>LLAMADA DE PRUEBA</translation>
    </message>
    <message>
        <source>This is a test call, not an emergency</source>
        <translation>Es una llamada de prueba, no una emergencia</translation>
    </message>
    <message>
        <source>urn:service:test.sos: a test call, not an emergency</source>
        <translation>urn:service:test.sos: una llamada de prueba, no una emergencia</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>Indicador de escritura</translation>
    </message>
    <message>
        <source>The caller is typing…</source>
        <translation>El llamante está escribiendo…</translation>
    </message>
</context>
<context>
    <name>herald::ui::CivicLabels</name>
    <message>
        <source>Floor %1</source>
        <comment>civic address: the FLR element (RFC 5139)</comment>
        <translation>Piso %1</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <comment>civic address: the UNIT element, an apartment or suite (RFC 5139)</comment>
        <translation>Unidad %1</translation>
    </message>
    <message>
        <source>Room %1</source>
        <comment>civic address: the ROOM element (RFC 5139)</comment>
        <translation>Sala %1</translation>
    </message>
</context>
<context>
    <name>herald::ui::ConsoleSettings</name>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Not a SIP URI: write it as sip:user@host or sip:host</source>
        <translation>No es un URI SIP: escríbalo como sip:usuario@host o sip:host</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535</source>
        <translation>Un puerto es un número del 1 al 65535</translation>
    </message>
    <message>
        <source>The user name and the password cannot contain &apos;:&apos;</source>
        <translation>El usuario y la contraseña no pueden contener «:»</translation>
    </message>
    <message>
        <source>Give both the user name and the password, or neither</source>
        <translation>Indique el usuario y la contraseña, o ninguno de los dos</translation>
    </message>
    <message>
        <source>Use at least 16 characters</source>
        <translation>Use al menos 16 caracteres</translation>
    </message>
    <message>
        <source>Printable ASCII only, without spaces (it travels in an HTTP header)</source>
        <translation>Solo ASCII imprimible, sin espacios (viaja en una cabecera HTTP)</translation>
    </message>
    <message>
        <source>Give an absolute path</source>
        <translation>Indique una ruta absoluta</translation>
    </message>
    <message>
        <source>No such folder</source>
        <translation>La carpeta no existe</translation>
    </message>
    <message>
        <source>Cannot read this file</source>
        <translation>No se puede leer este archivo</translation>
    </message>
    <message>
        <source>The alert plays WAV files only</source>
        <translation>La alerta solo reproduce archivos WAV</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535, or off</source>
        <translation>Un puerto es un número de 1 a 65535, u «off» (desactivado)</translation>
    </message>
    <message>
        <source>MSRP listens on this port</source>
        <translation>MSRP ya escucha en este puerto</translation>
    </message>
    <message>
        <source>The REST API needs a token: every request must present it</source>
        <translation>La API REST necesita un token: toda petición debe presentarlo</translation>
    </message>
    <message>
        <source>SIP listens on this port</source>
        <translation>SIP ya escucha en este puerto</translation>
    </message>
</context>
<context>
    <name>herald::ui::CredentialFile</name>
    <message>
        <source>%1 is a symbolic link; credentials were not read from it</source>
        <translation>%1 es un enlace simbólico; no se leyeron credenciales de él</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file; credentials were not read from it</source>
        <translation>%1 no es un archivo normal; no se leyeron credenciales de él</translation>
    </message>
    <message>
        <source>%1 belongs to another user; credentials were not read from it. Remove it, or save the settings again to replace it</source>
        <translation>%1 pertenece a otro usuario; no se leyeron credenciales de él. Elimínelo o vuelva a guardar la configuración para reemplazarlo</translation>
    </message>
    <message>
        <source>%1 can be read by other users and its mode cannot be changed to 0600: %2</source>
        <translation>Otros usuarios pueden leer %1 y no se puede cambiar su modo a 0600: %2</translation>
    </message>
    <message>
        <source>%1 is too large to hold credentials</source>
        <translation>%1 es demasiado grande para contener credenciales</translation>
    </message>
    <message>
        <source>%1, line %2: not a &quot;key=value&quot; line</source>
        <translation>%1, línea %2: no es una línea «clave=valor»</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>No se puede eliminar %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>No se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation>No se puede reemplazar %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>herald::ui::IncomingCallsModel</name>
    <message>
        <source>Not provided</source>
        <translation>No facilitado</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Ending</source>
        <translation>Finalizando</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Llamante</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Pending…</source>
        <translation>Pendiente…</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Ilegible</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>%1 (test call)</source>
        <translation>%1 (llamada de prueba)</translation>
    </message>
</context>
<context>
    <name>herald::ui::LabView</name>
    <message>
        <source>SIP &amp;dialogs</source>
        <translation>Diá&amp;logos SIP</translation>
    </message>
    <message>
        <source>SIP dialogs</source>
        <translation>Diálogos SIP</translation>
    </message>
    <message>
        <source>No SIP dialogs</source>
        <translation>No hay diálogos SIP</translation>
    </message>
    <message>
        <source>&amp;MSRP sessions</source>
        <translation>Sesiones &amp;MSRP</translation>
    </message>
    <message>
        <source>MSRP sessions</source>
        <translation>Sesiones MSRP</translation>
    </message>
    <message>
        <source>No MSRP sessions</source>
        <translation>No hay sesiones MSRP</translation>
    </message>
    <message>
        <source>&amp;TCP connections</source>
        <translation>Conexiones &amp;TCP</translation>
    </message>
    <message>
        <source>TCP connections</source>
        <translation>Conexiones TCP</translation>
    </message>
    <message>
        <source>No TCP connections</source>
        <translation>No hay conexiones TCP</translation>
    </message>
    <message>
        <source>MSRP tra&amp;ce</source>
        <translation>Tra&amp;za MSRP</translation>
    </message>
    <message>
        <source>SIP &amp;ladder</source>
        <translation>Diagrama de &amp;flujo SIP</translation>
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
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Location status</source>
        <translation>Estado de la ubicación</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Coordenadas</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>Incertidumbre</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Provided by</source>
        <translation>Proporcionada por</translation>
    </message>
    <message>
        <source>Determined</source>
        <translation>Determinada</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Coordenadas:</translation>
    </message>
    <message>
        <source>Uncertainty:</source>
        <translation>Incertidumbre:</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>Confianza:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Método:</translation>
    </message>
    <message>
        <source>Provided by:</source>
        <translation>Proporcionada por:</translation>
    </message>
    <message>
        <source>Determined:</source>
        <translation>Determinada:</translation>
    </message>
    <message>
        <source>Show raw data</source>
        <translation>Mostrar datos sin procesar</translation>
    </message>
    <message>
        <source>Raw location data</source>
        <translation>Datos de ubicación sin procesar</translation>
    </message>
    <message>
        <source>Earlier locations</source>
        <translation>Ubicaciones anteriores</translation>
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
        <translation>, altitud %1 m</translation>
    </message>
    <message>
        <source>None given (a point)</source>
        <translation>No indicada (un punto)</translation>
    </message>
    <message>
        <source>±%1 m (circle)</source>
        <translation>±%1 m (círculo)</translation>
    </message>
    <message>
        <source>±%1 m by ±%2 m (ellipse, %3° from north)</source>
        <translation>±%1 m por ±%2 m (elipse, %3° respecto al norte)</translation>
    </message>
    <message>
        <source>%1–%2 m from the antenna, bearing %3° to %4°</source>
        <translation>A %1–%2 m de la antena, rumbo de %3° a %4°</translation>
    </message>
    <message numerus="yes">
        <source>Within a polygon of %n corners</source>
        <translation>
            <numerusform>Dentro de un polígono de %n vértice</numerusform>
            <numerusform>Dentro de un polígono de %n vértices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Within a polygon of %n corners, %1 m high</source>
        <translation>
            <numerusform>Dentro de un polígono de %n vértice, %1 m de altura</numerusform>
            <numerusform>Dentro de un polígono de %n vértices, %1 m de altura</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending: fetching the location from %1…</source>
        <translation>Pendiente: obteniendo la ubicación de %1…</translation>
    </message>
    <message>
        <source>Unreadable location data: %1</source>
        <translation>Datos de ubicación ilegibles: %1</translation>
    </message>
    <message>
        <source>Location unavailable: %1</source>
        <translation>Ubicación no disponible: %1</translation>
    </message>
    <message>
        <source>Unreadable Geolocation header: %1</source>
        <translation>Cabecera Geolocation ilegible: %1</translation>
    </message>
    <message numerus="yes">
        <source>Latest of %n locations</source>
        <translation>
            <numerusform>La más reciente de %n ubicación</numerusform>
            <numerusform>La más reciente de %n ubicaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>As received with the call</source>
        <translation>Tal como se recibió con la llamada</translation>
    </message>
    <message>
        <source>No location was received with this call.</source>
        <translation>No se recibió ninguna ubicación con esta llamada.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 % (not stated; RFC 5491 default)</source>
        <translation>%1 % (no indicado; valor por defecto de RFC 5491)</translation>
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
        <translation>Vistas</translation>
    </message>
    <message>
        <source>PSAP</source>
        <translation>PSAP</translation>
    </message>
    <message>
        <source>Text calls: conversation, caller and location (Ctrl+1)</source>
        <translation>Llamadas de texto: conversación, llamante y ubicación (Ctrl+1)</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratorio</translation>
    </message>
    <message>
        <source>SIP dialogs, MSRP sessions and TCP connections (Ctrl+2)</source>
        <translation>Diálogos SIP, sesiones MSRP y conexiones TCP (Ctrl+2)</translation>
    </message>
    <message>
        <source>MSRP listener</source>
        <translation>Escucha MSRP</translation>
    </message>
    <message>
        <source>MSRP connections</source>
        <translation>Conexiones MSRP</translation>
    </message>
    <message>
        <source>SIP listener</source>
        <translation>Escucha SIP</translation>
    </message>
    <message>
        <source>&amp;Incoming texts</source>
        <translation>Textos e&amp;ntrantes</translation>
    </message>
    <message>
        <source>No incoming text calls</source>
        <translation>No hay llamadas de texto entrantes</translation>
    </message>
    <message>
        <source>Incoming text calls</source>
        <translation>Llamadas de texto entrantes</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>Aten&amp;der</translation>
    </message>
    <message>
        <source>Accept call</source>
        <translation>Atender la llamada</translation>
    </message>
    <message>
        <source>Answer the selected text call, or the one waiting longest</source>
        <translation>Atender la llamada de texto seleccionada o la que lleva más tiempo en espera</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;PSAP</source>
        <translation>&amp;PSAP</translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation>&amp;Laboratorio</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Herald</source>
        <translation>&amp;Acerca de Herald</translation>
    </message>
    <message>
        <source>About Herald</source>
        <translation>Acerca de Herald</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Herald&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Open-source MSRP media server and operator console.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Herald&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Servidor multimedia MSRP y consola de operador de código abierto.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The call is no longer waiting</source>
        <translation>La llamada ya no está en espera</translation>
    </message>
    <message numerus="yes">
        <source>%n text calls are open: end one before accepting another</source>
        <translation>
            <numerusform>%n llamada de texto abierta: finalícela antes de atender otra</numerusform>
            <numerusform>%n llamadas de texto abiertas: finalice una antes de atender otra</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot answer: %1</source>
        <translation>No se puede atender: %1</translation>
    </message>
    <message>
        <source>SIP port %1</source>
        <translation>Puerto SIP %1</translation>
    </message>
    <message>
        <source>SIP not listening</source>
        <translation>SIP sin escucha</translation>
    </message>
    <message>
        <source>MSRP listening on %1</source>
        <translation>MSRP a la escucha en %1</translation>
    </message>
    <message>
        <source>MSRP not listening</source>
        <translation>MSRP sin escucha</translation>
    </message>
    <message>
        <source>MSRP not listening: %1</source>
        <translation>MSRP sin escucha: %1</translation>
    </message>
    <message>
        <source>1 MSRP connection</source>
        <translation>1 conexión MSRP</translation>
    </message>
    <message numerus="yes">
        <source>%n MSRP connections</source>
        <translation>
            <numerusform>%n conexión MSRP</numerusform>
            <numerusform>%n conexiones MSRP</numerusform>
        </translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Buzón de voz</translation>
    </message>
    <message>
        <source>Send a file over MSRP and watch its chunks go (Ctrl+3)</source>
        <translation>Enviar un archivo por MSRP y seguir el envío de sus fragmentos (Ctrl+3)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Voicemail</source>
        <translation>&amp;Buzón de voz</translation>
    </message>
</context>
<context>
    <name>herald::ui::MsrpSessionsModel</name>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Interlocutor</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferencia</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 out / %2 in</source>
        <translation>%1 env. / %2 rec.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
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
        <translation>→ enviado</translation>
    </message>
    <message>
        <source>← received</source>
        <translation>← recibido</translation>
    </message>
    <message>
        <source>%1… (%2 bytes)</source>
        <translation>%1… (%2 bytes)</translation>
    </message>
    <message>
        <source>[%1 more bytes not kept]</source>
        <translation>[%1 bytes más no conservados]</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Trama</translation>
    </message>
    <message>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
</context>
<context>
    <name>herald::ui::MsrpTraceView</name>
    <message>
        <source>Rec&amp;ord frames</source>
        <translation>Registrar tra&amp;mas</translation>
    </message>
    <message>
        <source>Filter: method, status, Message-ID or text</source>
        <translation>Filtro: método, estado, Message-ID o texto</translation>
    </message>
    <message>
        <source>Trace filter</source>
        <translation>Filtro de la traza</translation>
    </message>
    <message numerus="yes">
        <source>Keep the last %n frames of each session</source>
        <translation>
            <numerusform>Conservar la última trama de cada sesión</numerusform>
            <numerusform>Conservar las últimas %n tramas de cada sesión</numerusform>
        </translation>
    </message>
    <message>
        <source>MSRP frames</source>
        <translation>Tramas MSRP</translation>
    </message>
    <message>
        <source>Selected MSRP frame</source>
        <translation>Trama MSRP seleccionada</translation>
    </message>
    <message>
        <source>Select a frame to see it in full</source>
        <translation>Seleccione una trama para verla completa</translation>
    </message>
    <message>
        <source>Filt&amp;er:</source>
        <translation>Filt&amp;ro:</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Ninguna sesión seleccionada</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Sesión %1</translation>
    </message>
    <message>
        <source>Select an MSRP session to see its frames</source>
        <translation>Seleccione una sesión MSRP para ver sus tramas</translation>
    </message>
    <message>
        <source>No frames recorded for this session yet</source>
        <translation>Todavía no hay tramas registradas para esta sesión</translation>
    </message>
    <message>
        <source>Recording is off</source>
        <translation>El registro está desactivado</translation>
    </message>
</context>
<context>
    <name>herald::ui::PsapView</name>
    <message>
        <source>No text call in progress</source>
        <translation>No hay ninguna llamada de texto en curso</translation>
    </message>
    <message>
        <source>Waiting calls appear in the Incoming texts queue with a chime and a flashing row.
Select one and press Enter (or Accept) to answer it. Up to %1 calls can be open at once.</source>
        <translation>Las llamadas en espera aparecen en la cola Textos entrantes con un aviso sonoro y una fila parpadeante.
Seleccione una y pulse Intro (o Atender) para atenderla. Puede tener hasta %1 llamadas abiertas a la vez.</translation>
    </message>
    <message>
        <source>Text calls</source>
        <translation>Llamadas de texto</translation>
    </message>
    <message>
        <source>Text call from %1</source>
        <translation>Llamada de texto de %1</translation>
    </message>
    <message>
        <source>%1 (ended)</source>
        <translation>%1 (finalizada)</translation>
    </message>
</context>
<context>
    <name>herald::ui::SettingsDialog</name>
    <message>
        <source>Herald settings</source>
        <translation>Configuración de Herald</translation>
    </message>
    <message>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identidad:</translation>
    </message>
    <message>
        <source>SIP identity</source>
        <translation>Identidad SIP</translation>
    </message>
    <message>
        <source>sip:psap@example.org</source>
        <translation>sip:psap@example.org</translation>
    </message>
    <message>
        <source>SIP por&amp;t:</source>
        <translation>Puer&amp;to SIP:</translation>
    </message>
    <message>
        <source>SIP port</source>
        <translation>Puerto SIP</translation>
    </message>
    <message>
        <source>Outbound &amp;proxy:</source>
        <translation>&amp;Proxy de salida:</translation>
    </message>
    <message>
        <source>Outbound proxy</source>
        <translation>Proxy de salida</translation>
    </message>
    <message>
        <source>None (e.g. sip:proxy.example.org)</source>
        <translation>Ninguno (p. ej., sip:proxy.example.org)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>SIP user name</source>
        <translation>Usuario SIP</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contrase&amp;ña:</translation>
    </message>
    <message>
        <source>SIP password</source>
        <translation>Contraseña SIP</translation>
    </message>
    <message>
        <source>MSRP and REST</source>
        <translation>MSRP y REST</translation>
    </message>
    <message>
        <source>&amp;MSRP port:</source>
        <translation>Puerto &amp;MSRP:</translation>
    </message>
    <message>
        <source>MSRP port</source>
        <translation>Puerto MSRP</translation>
    </message>
    <message>
        <source>&amp;REST token:</source>
        <translation>Token &amp;REST:</translation>
    </message>
    <message>
        <source>REST API token</source>
        <translation>Token de la API REST</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Media, alert and language</source>
        <translation>Medios, alerta e idioma</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Choose the media root folder</source>
        <translation>Elegir la carpeta raíz de medios</translation>
    </message>
    <message>
        <source>Me&amp;dia root:</source>
        <translation>Raí&amp;z de medios:</translation>
    </message>
    <message>
        <source>Media root folder</source>
        <translation>Carpeta raíz de medios</translation>
    </message>
    <message>
        <source>None: MSML plays no local files</source>
        <translation>Ninguna: MSML no reproduce archivos locales</translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Choose the alert sound</source>
        <translation>Elegir el sonido de alerta</translation>
    </message>
    <message>
        <source>&amp;Alert sound:</source>
        <translation>So&amp;nido de alerta:</translation>
    </message>
    <message>
        <source>Alert sound file</source>
        <translation>Archivo de sonido de alerta</translation>
    </message>
    <message>
        <source>The built-in chime</source>
        <translation>El aviso sonoro integrado</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Idi&amp;oma:</translation>
    </message>
    <message>
        <source>Restart Herald to apply these changes. The alert sound changes at once.</source>
        <translation>Reinicie Herald para aplicar estos cambios. El sonido de alerta cambia de inmediato.</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>Descartar los cambios</translation>
    </message>
    <message>
        <source>SIP, MSRP, REST and media settings and the language take effect the next time Herald starts; options given on the command line win over them.</source>
        <translation>Los ajustes de SIP, MSRP, REST y medios, y el idioma, se aplican la próxima vez que se inicie Herald; las opciones de la línea de órdenes tienen prioridad.</translation>
    </message>
    <message>
        <source>Choose the media root</source>
        <translation>Elegir la raíz de medios</translation>
    </message>
    <message>
        <source>WAV sounds (*.wav)</source>
        <translation>Sonidos WAV (*.wav)</translation>
    </message>
    <message>
        <source>R&amp;EST port:</source>
        <translation>Puerto R&amp;EST:</translation>
    </message>
    <message>
        <source>REST API port</source>
        <translation>Puerto de la API REST</translation>
    </message>
    <message>
        <source>Off (e.g. 8081, on 127.0.0.1)</source>
        <translation>Desactivado (p. ej., 8081, en 127.0.0.1)</translation>
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
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remoto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>MSRP session</source>
        <translation>Sesión MSRP</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Saliente</translation>
    </message>
</context>
<context>
    <name>herald::ui::SipLadderModel</name>
    <message>
        <source>→ sent</source>
        <translation>→ enviado</translation>
    </message>
    <message>
        <source>← received</source>
        <translation>← recibido</translation>
    </message>
    <message>
        <source>Sent by the SIP stack on its own</source>
        <translation>Enviado por la pila SIP por sí sola</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
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
        <translation>Remoto</translation>
    </message>
    <message>
        <source>Record messa&amp;ges</source>
        <translation>Registrar &amp;mensajes</translation>
    </message>
    <message numerus="yes">
        <source>Keep the last %n messages of each dialog</source>
        <translation>
            <numerusform>Conservar el último mensaje de cada diálogo</numerusform>
            <numerusform>Conservar los últimos %n mensajes de cada diálogo</numerusform>
        </translation>
    </message>
    <message>
        <source>SIP ladder</source>
        <translation>Diagrama de flujo SIP</translation>
    </message>
    <message>
        <source>Selected SIP message</source>
        <translation>Mensaje SIP seleccionado</translation>
    </message>
    <message>
        <source>Select a message to see it in full</source>
        <translation>Seleccione un mensaje para verlo completo</translation>
    </message>
    <message>
        <source>No dialog selected</source>
        <translation>Ningún diálogo seleccionado</translation>
    </message>
    <message>
        <source>Select a SIP dialog to see its ladder</source>
        <translation>Seleccione un diálogo SIP para ver su diagrama de flujo</translation>
    </message>
    <message>
        <source>No messages recorded for this dialog yet</source>
        <translation>Todavía no hay mensajes registrados para este diálogo</translation>
    </message>
    <message>
        <source>Recording is off</source>
        <translation>El registro está desactivado</translation>
    </message>
</context>
<context>
    <name>herald::ui::StateNames</name>
    <message>
        <source>Idle</source>
        <comment>MSRP session state</comment>
        <translation>Inactiva</translation>
    </message>
    <message>
        <source>Connecting</source>
        <comment>MSRP session state</comment>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Waiting</source>
        <comment>MSRP session state</comment>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>MSRP session state</comment>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>MSRP session state</comment>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>MSRP session state</comment>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Offered</source>
        <comment>SIP dialog state</comment>
        <translation>Ofrecido</translation>
    </message>
    <message>
        <source>Ringing</source>
        <comment>SIP dialog state</comment>
        <translation>Sonando</translation>
    </message>
    <message>
        <source>Calling</source>
        <comment>SIP dialog state</comment>
        <translation>Llamando</translation>
    </message>
    <message>
        <source>Answering</source>
        <comment>SIP dialog state</comment>
        <translation>Contestando</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>SIP dialog state</comment>
        <translation>Establecido</translation>
    </message>
    <message>
        <source>Ending</source>
        <comment>SIP dialog state</comment>
        <translation>Finalizando</translation>
    </message>
    <message>
        <source>Ended</source>
        <comment>SIP dialog state</comment>
        <translation>Finalizado</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>SIP dialog state</comment>
        <translation>Fallido</translation>
    </message>
</context>
<context>
    <name>herald::ui::TcpConnectionsModel</name>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Interlocutor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes recibidos</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes enviados</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Tramas</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Saliente</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation>%1 rec. / %2 env.</translation>
    </message>
</context>
<context>
    <name>herald::ui::TranscriptModel</name>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>✓ Sent</source>
        <translation>✓ Enviado</translation>
    </message>
    <message>
        <source>✓✓ Acknowledged</source>
        <translation>✓✓ Confirmado</translation>
    </message>
    <message>
        <source>✓✓ Delivered</source>
        <translation>✓✓ Entregado</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ Error</translation>
    </message>
    <message>
        <source>Call-taker</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Llamante</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Pendiente de envío</translation>
    </message>
    <message>
        <source>Sent to the caller&apos;s network</source>
        <translation>Enviado a la red del llamante</translation>
    </message>
    <message>
        <source>The next hop confirmed it (MSRP 200)</source>
        <translation>El siguiente salto lo confirmó (MSRP 200)</translation>
    </message>
    <message>
        <source>The caller&apos;s device confirmed it (success report)</source>
        <translation>El dispositivo del llamante lo confirmó (informe de éxito)</translation>
    </message>
    <message>
        <source>Not delivered: resend or call back</source>
        <translation>No entregado: reenvíelo o devuelva la llamada</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message numerus="yes">
        <source>[%1, %n bytes]</source>
        <translation>
            <numerusform>[%1, %n byte]</numerusform>
            <numerusform>[%1, %n bytes]</numerusform>
        </translation>
    </message>
    <message>
        <source>✓✓ Read</source>
        <translation>✓✓ Leído</translation>
    </message>
</context>
<context>
    <name>herald::ui::VoicemailView</name>
    <message>
        <source>Voicemail delivery</source>
        <translation>Entrega de mensajes de voz</translation>
    </message>
    <message>
        <source>Sends a recorded message as an MSRP file transfer (RFC 5547): the destination answers the offer and Herald streams the file in chunks, each acknowledged by the receiver.</source>
        <translation>Envía un mensaje grabado como transferencia de archivo MSRP (RFC 5547): el destino responde a la oferta y Herald transmite el archivo en fragmentos, cada uno confirmado por el receptor.</translation>
    </message>
    <message>
        <source>Acknowledged share of the file</source>
        <translation>Parte del archivo confirmada</translation>
    </message>
    <message>
        <source>%1 % acknowledged</source>
        <translation>%1 % confirmado</translation>
    </message>
    <message>
        <source>Choose a file and a destination, then send.</source>
        <translation>Elija un archivo y un destino y, a continuación, envíelo.</translation>
    </message>
    <message>
        <source>Delivery state</source>
        <translation>Estado de la entrega</translation>
    </message>
    <message>
        <source>&amp;Chunks sent</source>
        <translation>Fragmen&amp;tos enviados</translation>
    </message>
    <message>
        <source>Chunks sent</source>
        <translation>Fragmentos enviados</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Byte-Range</source>
        <translation>Byte-Range</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferencia</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>File to send</source>
        <translation>Archivo que se enviará</translation>
    </message>
    <message>
        <source>A recording, e.g. message.amr or message.wav</source>
        <translation>Una grabación, p. ej., mensaje.amr o mensaje.wav</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Choose the file to send</source>
        <translation>Elegir el archivo que se enviará</translation>
    </message>
    <message>
        <source>&amp;Local delivery endpoint (this machine)</source>
        <translation>Punto de entrega &amp;local (este equipo)</translation>
    </message>
    <message>
        <source>Deliver to the local endpoint</source>
        <translation>Entregar al punto de entrega local</translation>
    </message>
    <message>
        <source>SIP &amp;URI:</source>
        <translation>URI S&amp;IP:</translation>
    </message>
    <message>
        <source>Deliver to a SIP URI</source>
        <translation>Entregar a un URI SIP</translation>
    </message>
    <message>
        <source>Destination SIP URI</source>
        <translation>URI SIP de destino</translation>
    </message>
    <message>
        <source>sip:voicemail@example.org</source>
        <translation>sip:buzon@example.org</translation>
    </message>
    <message>
        <source>Outbound proxy</source>
        <translation>Proxy de salida</translation>
    </message>
    <message>
        <source>None (e.g. sip:proxy.example.org)</source>
        <translation>Ninguno (p. ej., sip:proxy.example.org)</translation>
    </message>
    <message>
        <source>&amp;Send voicemail</source>
        <translation>Enviar &amp;mensaje de voz</translation>
    </message>
    <message>
        <source>Send voicemail</source>
        <translation>Enviar mensaje de voz</translation>
    </message>
    <message>
        <source>Fil&amp;e:</source>
        <translation>Arc&amp;hivo:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destino:</translation>
    </message>
    <message>
        <source>Outbound &amp;proxy:</source>
        <translation>&amp;Proxy de salida:</translation>
    </message>
    <message>
        <source>Choose the voicemail to send</source>
        <translation>Elegir el mensaje de voz que se enviará</translation>
    </message>
    <message>
        <source>Recordings (*.amr *.wav *.mp3 *.ogg *.opus);;All files (*)</source>
        <translation>Grabaciones (*.amr *.wav *.mp3 *.ogg *.opus);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>started when you send</source>
        <translation>se inicia al enviar</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>The destination must be a SIP URI such as sip:voicemail@example.org</source>
        <translation>El destino debe ser un URI SIP, como sip:buzon@example.org</translation>
    </message>
    <message>
        <source>A voicemail is being sent</source>
        <translation>Ya se está enviando un mensaje de voz</translation>
    </message>
    <message>
        <source>Cannot read the file %1</source>
        <translation>No se puede leer el archivo %1</translation>
    </message>
    <message>
        <source>The outbound proxy must be a SIP URI such as sip:proxy.example.org</source>
        <translation>El proxy de salida debe ser un URI SIP, como sip:proxy.example.org</translation>
    </message>
    <message>
        <source>Cannot offer the file: %1</source>
        <translation>No se puede ofrecer el archivo: %1</translation>
    </message>
    <message>
        <source>Cannot call %1: %2</source>
        <translation>No se puede llamar a %1: %2</translation>
    </message>
    <message>
        <source>Cannot send the file: %1</source>
        <translation>No se puede enviar el archivo: %1</translation>
    </message>
    <message>
        <source>Refused by %1: %2 %3</source>
        <translation>Rechazado por %1: %2 %3</translation>
    </message>
    <message>
        <source>The call ended before the file was delivered</source>
        <translation>La llamada finalizó antes de entregar el archivo</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>Llamando a %1…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Interrumpido</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 de %2 bytes</translation>
    </message>
    <message>
        <source>Delivered: %1 (%2 bytes) acknowledged by %3</source>
        <translation>Entregado: %1 (%2 bytes) confirmado por %3</translation>
    </message>
    <message>
        <source>Not delivered: %1 %2</source>
        <translation>No entregado: %1 %2</translation>
    </message>
    <message>
        <source>Sending %1: %2 of %3 bytes sent</source>
        <translation>Enviando %1: %2 de %3 bytes enviados</translation>
    </message>
    <message>
        <source>%1 bytes stored</source>
        <translation>%1 bytes almacenados</translation>
    </message>
    <message>
        <source>Received by the local endpoint: %1</source>
        <translation>Recibido por el punto de entrega local: %1</translation>
    </message>
</context>
</TS>

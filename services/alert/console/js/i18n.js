// Interface text in English and Arabic. The choice is kept in localStorage (it is no secret); the page's
// direction follows it. Article text keeps its own direction whatever the interface language.
const STRINGS = {
  en: {
    'nav.incidents': 'Incidents', 'nav.map': 'Map', 'nav.subscriptions': 'Subscriptions', 'nav.silences': 'Silences',
    'nav.feeds': 'Feeds', 'nav.signout': 'Sign out',
    'signin.title': 'Sign in', 'signin.key': 'API key', 'signin.submit': 'Sign in',
    'signin.explain': 'The key stays in this browser tab only (sessionStorage) and is sent as the Authorization header. A read key sees; a key with write scopes may act.',
    'signin.refused': 'This key was refused.', 'signin.noread': 'This key lacks the read scope.',
    'stream.idle': 'not connected', 'stream.connecting': 'connecting…', 'stream.live': 'live', 'stream.reconnecting': 'reconnecting…',
    'col.severity': 'Severity', 'col.facility': 'Facility', 'col.kind': 'Kind', 'col.country': 'Country', 'col.state': 'State',
    'col.first_seen': 'First seen', 'col.last_seen': 'Last seen', 'col.articles': 'Articles', 'col.languages': 'Languages',
    'col.actions': 'Actions',
    'filter.any': 'any {what}', 'filter.country': 'country (SY)',
    'incidents.count': '{n} shown of {total}', 'incidents.none': 'No incident matches.',
    'v.critical': 'critical', 'v.warning': 'warning', 'v.info': 'info', 'v.firing': 'firing', 'v.acknowledged': 'acknowledged',
    'v.resolved': 'resolved', 'v.prison': 'prison', 'v.camp': 'camp', 'v.silenced': 'silenced',
    'act.ack': 'Ack', 'act.resolve': 'Resolve', 'act.silence': 'Silence', 'act.replay': 'Replay',
    'done.ack': 'Acknowledged.', 'done.resolve': 'Resolved.', 'done.silence': 'Silenced: {name}.', 'done.replay': 'Queued again.',
    'done.disabled': 'Disabled.', 'done.expired': 'Expired.', 'done.feed': 'Feed added.',
    'err.scope': 'Your key lacks the scope for this.', 'err.unavailable': 'This server does not offer that yet.',
    'err.network': 'Cannot reach the service: {detail}',
    'silence.for': 'Silence {name} for', 'silence.hours': '{n} h', 'silence.comment': 'Comment', 'silence.create': 'Create silence',
    'silence.default_comment': 'silenced from the console', 'cancel': 'Cancel',
    'back': '← All incidents', 'loading': 'Loading…',
    'incident.evidence': 'Evidence', 'incident.deliveries': 'Deliveries', 'incident.articles': '{n} article(s)',
    'incident.full_text': 'Whole article', 'incident.partial': 'Shown without offsets: {why}',
    'hl.facility': 'facility', 'hl.place': 'place', 'hl.actor': 'actor', 'incident.actors': 'actors', 'hl.event': 'event',
    'dcol.created': 'Created', 'dcol.subscription': 'Subscription', 'dcol.status': 'Status', 'dcol.attempts': 'Attempts',
    'dcol.code': 'HTTP', 'dcol.error': 'Last error', 'dcol.delivered': 'Delivered', 'deliveries.none': 'No delivery yet.',
    'map.legend': 'filled: incidents (size: articles; ring: severity) · hollow: known facilities',
    'subs.new': 'New subscription', 'subs.url': 'Webhook URL', 'subs.format': 'Format', 'subs.countries': 'Countries',
    'subs.facility_ids': 'Facility ids', 'subs.min_severity': 'Minimum severity', 'subs.actors': 'Actors',
    'subs.event_types': 'Event types', 'subs.create': 'Subscribe', 'subs.secret': 'Signing secret:',
    'subs.new_secret': 'New signing secret:', 'subs.secret_once': 'Shown once: copy it now. It cannot be read again.',
    'subs.test': 'Test', 'subs.rotate': 'Rotate secret', 'subs.disable': 'Disable', 'subs.log': 'Delivery log',
    'subs.enabled': 'enabled', 'subs.disabled': 'disabled', 'subs.none': 'No subscription yet.',
    'scol.url': 'URL', 'scol.format': 'Format', 'scol.filters': 'Filters', 'scol.status': 'Status', 'scol.created': 'Created',
    'scol.actions': 'Actions',
    'sil.new': 'New silence', 'sil.matchers': 'Matchers', 'sil.add_matcher': 'Add matcher', 'sil.duration': 'For',
    'sil.expire': 'Expire', 'sil.active': 'active', 'sil.expired': 'expired', 'sil.none': 'No silence.',
    'silcol.matchers': 'Matchers', 'silcol.starts': 'Starts', 'silcol.ends': 'Ends', 'silcol.comment': 'Comment',
    'silcol.by': 'By', 'silcol.state': 'State',
    'feeds.new': 'Add a feed', 'feeds.url': 'Feed URL (RSS or Atom)', 'feeds.interval': 'Every (s)', 'feeds.source': 'Source',
    'feeds.add': 'Add feed', 'feeds.none': 'No feed yet.',
    'fcol.url': 'URL', 'fcol.lang': 'Language', 'fcol.source': 'Source', 'fcol.interval': 'Every (s)',
    'fcol.last_fetch': 'Last fetch', 'fcol.last_status': 'HTTP', 'fcol.last_error': 'Last error', 'fcol.items': 'Items',
    'fcol.next_fetch': 'Next fetch', 'fcol.articles': 'New articles', 'feeds.pause': 'Pause', 'feeds.resume': 'Resume',
    'feeds.paused': 'paused',
    'subs.routing_key': 'PagerDuty routing key', 'subs.routing_key_hint': 'pagerduty format only',
    'subs.enable': 'Enable', 'done.enabled': 'Enabled.', 'subs.deliveries': 'Deliveries', 'subs.attempts': 'Attempts',
    'subs.failures': '{n} failures in a row', 'subs.old_secret': 'old secret valid until {until}',
    'done.test_ok': 'Test delivered: HTTP {code} in {ms} ms.', 'done.test_failed': 'Test failed: HTTP {code} {error} ({ms} ms).',
    'acol.started': 'Time', 'acol.attempt': 'Attempt', 'acol.code': 'HTTP', 'acol.latency': 'Latency', 'acol.error': 'Error',
    'acol.response': 'Answer',
  },
  ar: {
    'nav.incidents': 'الحوادث', 'nav.map': 'الخريطة', 'nav.subscriptions': 'الاشتراكات', 'nav.silences': 'الكتم',
    'nav.feeds': 'الخلاصات', 'nav.signout': 'خروج',
    'signin.title': 'الدخول', 'signin.key': 'مفتاح الواجهة البرمجية', 'signin.submit': 'دخول',
    'signin.explain': 'يبقى المفتاح في لسان المتصفح هذا وحده (sessionStorage) ويُرسل في ترويسة Authorization. مفتاح القراءة يطّلع، ومفتاح الكتابة يتصرّف.',
    'signin.refused': 'رُفض هذا المفتاح.', 'signin.noread': 'ليس لهذا المفتاح صلاحية القراءة.',
    'stream.idle': 'غير متصل', 'stream.connecting': 'جارٍ الاتصال…', 'stream.live': 'مباشر', 'stream.reconnecting': 'إعادة الاتصال…',
    'col.severity': 'الخطورة', 'col.facility': 'المنشأة', 'col.kind': 'النوع', 'col.country': 'البلد', 'col.state': 'الحالة',
    'col.first_seen': 'أول رصد', 'col.last_seen': 'آخر رصد', 'col.articles': 'المقالات', 'col.languages': 'اللغات',
    'col.actions': 'إجراءات',
    'filter.any': '{what}: الكل', 'filter.country': 'البلد (SY)',
    'incidents.count': 'يظهر {n} من {total}', 'incidents.none': 'لا حادثة مطابقة.',
    'v.critical': 'حرجة', 'v.warning': 'تحذير', 'v.info': 'معلومة', 'v.firing': 'نشطة', 'v.acknowledged': 'مُستلمة',
    'v.resolved': 'مُغلقة', 'v.prison': 'سجن', 'v.camp': 'مخيم', 'v.silenced': 'مكتومة',
    'act.ack': 'استلام', 'act.resolve': 'إغلاق', 'act.silence': 'كتم', 'act.replay': 'إعادة الإرسال',
    'done.ack': 'تم الاستلام.', 'done.resolve': 'أُغلقت.', 'done.silence': 'كُتمت: {name}.', 'done.replay': 'أُعيدت إلى الطابور.',
    'done.disabled': 'عُطّل.', 'done.expired': 'انتهى.', 'done.feed': 'أُضيفت الخلاصة.',
    'err.scope': 'ليس لمفتاحك الصلاحية لهذا.', 'err.unavailable': 'لا يقدّم هذا الخادم ذلك بعد.',
    'err.network': 'تعذّر الوصول إلى الخدمة: {detail}',
    'silence.for': 'كتم {name} لمدة', 'silence.hours': '{n} ساعة', 'silence.comment': 'تعليق', 'silence.create': 'إنشاء كتم',
    'silence.default_comment': 'كُتم من الواجهة', 'cancel': 'إلغاء',
    'back': '→ كل الحوادث', 'loading': 'جارٍ التحميل…',
    'incident.evidence': 'الأدلة', 'incident.deliveries': 'الإرسالات', 'incident.articles': '{n} مقالة',
    'incident.full_text': 'المقالة كاملة', 'incident.partial': 'معروضة دون مواضع: {why}',
    'hl.facility': 'منشأة', 'hl.place': 'مكان', 'hl.actor': 'جهة', 'incident.actors': 'الجهات', 'hl.event': 'حدث',
    'dcol.created': 'أُنشئ', 'dcol.subscription': 'الاشتراك', 'dcol.status': 'الحالة', 'dcol.attempts': 'المحاولات',
    'dcol.code': 'HTTP', 'dcol.error': 'آخر خطأ', 'dcol.delivered': 'سُلّم', 'deliveries.none': 'لا إرسال بعد.',
    'map.legend': 'الممتلئة: حوادث (الحجم: عدد المقالات؛ الإطار: الخطورة) · المفرغة: منشآت معروفة',
    'subs.new': 'اشتراك جديد', 'subs.url': 'عنوان الخطاف (Webhook)', 'subs.format': 'الصيغة', 'subs.countries': 'البلدان',
    'subs.facility_ids': 'معرّفات المنشآت', 'subs.min_severity': 'أدنى خطورة', 'subs.actors': 'الجهات',
    'subs.event_types': 'أنواع الأحداث', 'subs.create': 'اشترك', 'subs.secret': 'سرّ التوقيع:',
    'subs.new_secret': 'سرّ التوقيع الجديد:', 'subs.secret_once': 'يُعرض مرة واحدة: انسخه الآن، فلا يمكن قراءته ثانية.',
    'subs.test': 'اختبار', 'subs.rotate': 'تدوير السرّ', 'subs.disable': 'تعطيل', 'subs.log': 'سجل الإرسال',
    'subs.enabled': 'مفعّل', 'subs.disabled': 'معطّل', 'subs.none': 'لا اشتراك بعد.',
    'scol.url': 'العنوان', 'scol.format': 'الصيغة', 'scol.filters': 'المرشّحات', 'scol.status': 'الحالة', 'scol.created': 'أُنشئ',
    'scol.actions': 'إجراءات',
    'sil.new': 'كتم جديد', 'sil.matchers': 'المطابِقات', 'sil.add_matcher': 'إضافة مطابِق', 'sil.duration': 'المدة',
    'sil.expire': 'إنهاء', 'sil.active': 'نافذ', 'sil.expired': 'منتهٍ', 'sil.none': 'لا كتم.',
    'silcol.matchers': 'المطابِقات', 'silcol.starts': 'يبدأ', 'silcol.ends': 'ينتهي', 'silcol.comment': 'تعليق',
    'silcol.by': 'بواسطة', 'silcol.state': 'الحالة',
    'feeds.new': 'إضافة خلاصة', 'feeds.url': 'عنوان الخلاصة (RSS أو Atom)', 'feeds.interval': 'كل (ثانية)', 'feeds.source': 'المصدر',
    'feeds.add': 'أضف الخلاصة', 'feeds.none': 'لا خلاصة بعد.',
    'fcol.url': 'العنوان', 'fcol.lang': 'اللغة', 'fcol.source': 'المصدر', 'fcol.interval': 'كل (ثانية)',
    'fcol.last_fetch': 'آخر جلب', 'fcol.last_status': 'HTTP', 'fcol.last_error': 'آخر خطأ', 'fcol.items': 'العناصر',
    'fcol.next_fetch': 'الجلب التالي', 'fcol.articles': 'مقالات جديدة', 'feeds.pause': 'إيقاف مؤقت', 'feeds.resume': 'استئناف',
    'feeds.paused': 'موقوفة',
    'subs.routing_key': 'مفتاح التوجيه في PagerDuty', 'subs.routing_key_hint': 'لصيغة pagerduty فقط',
    'subs.enable': 'تفعيل', 'done.enabled': 'فُعّل.', 'subs.deliveries': 'الإرسالات', 'subs.attempts': 'المحاولات',
    'subs.failures': '{n} إخفاقات متتالية', 'subs.old_secret': 'السرّ القديم صالح حتى {until}',
    'done.test_ok': 'وصل الاختبار: HTTP {code} في {ms} م.ث.', 'done.test_failed': 'أخفق الاختبار: HTTP {code} {error} ({ms} م.ث.)',
    'acol.started': 'الوقت', 'acol.attempt': 'المحاولة', 'acol.code': 'HTTP', 'acol.latency': 'الزمن', 'acol.error': 'الخطأ',
    'acol.response': 'الجواب',
  },
};

const STORE = 'raqib.lang';
let current = localStorage.getItem(STORE) || ((navigator.language || '').startsWith('ar') ? 'ar' : 'en');

export const lang = () => current;
export const languages = Object.keys(STRINGS);

export function t(key, vars = {}) {
  const s = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? `{${k}}`));
}

export function applyLang() {
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
}

export function setLang(code) {
  current = STRINGS[code] ? code : 'en';
  localStorage.setItem(STORE, current);
  applyLang();
}

export { STRINGS };

/**
 * Russian messages of a case's status for the citizen (issue 11): the portal's /status (`status.`), the
 * kiosk's status screen (`kioskStatus.`), and the call center's cases of a caller and search by number
 * (`ccCases.`). The timeline's words (`status.step.`) are shared by all three.
 */
export const status = {
  'nav.status': 'Статус дела',
  'status.cta': 'Узнать статус дела',
  'status.ctaHint': 'Номер дела и PIN-код — в расписке, которую вам выдали в офисе.',

  'status.title': 'Статус дела',
  'status.meta':
    'Узнайте, на каком этапе ваше дело, когда будет готов результат и где его получить: номер дела и PIN-код из расписки.',
  'status.intro':
    'Введите номер дела и PIN-код из расписки, которую вам выдали в офисе при приёме документов.',
  'status.number': 'Номер дела',
  'status.numberHint': 'Напечатан в расписке, например 48-2026-0001234.',
  'status.pin': 'PIN-код',
  'status.pinHint': '6 цифр, напечатаны в расписке под номером дела.',
  'status.find': 'Узнать статус',
  'status.err.required': 'Заполните это поле.',
  'status.err.number': 'Номер дела выглядит так: 48-2026-0001234.',
  'status.err.pin': 'PIN-код — это 6 цифр.',
  'status.notFound': 'Дело не найдено или PIN неверный. Проверьте номер дела и PIN-код в расписке.',
  'status.rateLimited': 'Слишком много попыток подряд. Попробуйте позже.',
  'status.failed': 'Не удалось связаться с сервером. Проверьте подключение к интернету и попробуйте ещё раз.',
  'status.retry': 'Повторить',
  'status.other': 'Проверить другое дело',

  'status.heading': 'Дело № {number}',
  'status.service': 'Услуга',
  'status.agency': 'Ведомство',
  'status.now': 'Сейчас',
  'status.accepted': 'Документы приняты',
  'status.due': 'Ожидаемая дата результата',
  'status.paused':
    'Срок приостановлен с {date}: ждём документы от вас или ответ другого ведомства. Новая дата появится, когда работа продолжится.',
  'status.collect': 'Где получить результат',
  'status.until': 'Результат хранится в офисе до {date} включительно.',
  'status.ready': 'Результат готов. Возьмите паспорт и расписку и приходите в офис.',
  'status.issued': 'Результат выдан. Дело завершено.',
  'status.ended': 'Дело завершено.',
  'status.timeline': 'Этапы',
  'status.step.passed': 'пройден {date}',
  'status.step.current': 'сейчас, с {date}',
  'status.step.upcoming': 'впереди',
  'status.step.skipped': 'не понадобился',

  // the kiosk
  'kioskStatus.start': 'Узнать статус дела',
  'kioskStatus.title': 'Статус дела',
  'kioskStatus.lead': 'Поднесите QR-код расписки к сканеру или наберите номер дела и PIN-код на клавиатуре.',
  'kioskStatus.number': 'Номер дела',
  'kioskStatus.pin': 'PIN-код',
  'kioskStatus.toPin': 'Далее: PIN-код',
  'kioskStatus.toNumber': 'Изменить номер',
  'kioskStatus.submit': 'Узнать статус',
  'kioskStatus.busy': 'Ищем дело…',
  'kioskStatus.unreadable': 'Номер не распознан. Номер дела — 13 цифр, например 48-2026-0001234.',
  'kioskStatus.another': 'Другое дело',
  'kioskStatus.done': 'Готово',

  // the call center
  'ccCases.title': 'Дела',
  'ccCases.none': 'Дел по этому номеру телефона нет.',
  'ccCases.masked': 'Номера дел и заявители скрыты, пока звонящий не ответит на проверочный вопрос.',
  'ccCases.full': 'Дела показаны полностью: звонящий подтвердил личность, просмотр записан в журнал.',
  'ccCases.search': 'Дело по номеру',
  'ccCases.searchLabel': 'Номер дела',
  'ccCases.find': 'Найти дело',
  'ccCases.notFound': 'Дела с таким номером нет.',
  'ccCases.badNumber': 'Номер дела выглядит так: 48-2026-0001234.',
  'ccCases.applicant': 'Заявитель',
  'ccCases.phone': 'Телефон',
  'ccCases.email': 'Эл. почта',
  'ccCases.due': 'Срок',
  'ccCases.office': 'Офис',
  'ccCases.toldPin': 'PIN-код, который назвал звонящий',
  'ccCases.toldPinHint': '6 цифр из расписки любого из его дел.',
  'ccCases.wrongPin': 'Это не PIN-код дела с этим номером телефона.',
  'ccCases.number': '№ {number}',
  'ccCases.stage': 'Этап',
} as const;

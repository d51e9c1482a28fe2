/**
 * Russian messages of the situational center (issue 12): /situation — every office of the region live on
 * a map and in a list, with its alerts (`situation.`).
 */
export const situation = {
  'situation.title': 'Ситуационный центр',
  'situation.sectionText':
    'Все офисы региона в реальном времени: очередь, окна, инфоматы и тревоги — на карте и списком.',
  'situation.asOf': 'Данные на {time} (время офисов)',
  'situation.live': 'Обновляется сразу при изменениях',
  'situation.offline': 'Нет живой связи с сервером — данные обновляются раз в 30 секунд',
  'situation.summary':
    'Офисов: {offices}, открыто сейчас: {open}, ждут в очереди: {waiting}, офисов с тревогами: {alerting}.',
  'situation.targetNote': 'Норматив ожидания — {target} мин.',
  'situation.forbidden': 'Ситуационный центр открыт аналитикам, руководителям офисов и администраторам.',

  'situation.alerts': 'Тревоги',
  'situation.noAlerts': 'Тревог нет: все офисы работают в пределах нормы.',
  'situation.alert.wait_over_target': 'Ожидание {minutes} мин — дольше нормы в {target} мин',
  'situation.alert.window_closed': 'Окно {window} закрыто или на перерыве в рабочее время',
  'situation.alert.kiosk_offline': 'Не на связи больше 5 минут: {kiosk}',
  'situation.alertCount': {
    one: '{n} тревога',
    few: '{n} тревоги',
    many: '{n} тревог',
    other: '{n} тревоги',
  },

  'situation.map': 'Карта офисов',
  'situation.mapLabel':
    'Карта офисов региона: {offices} офисов, из них с тревогами — {alerting}. Подробности — в списке ниже.',
  'situation.mapHint': 'Наведите на круг или выберите офис, чтобы увидеть подробности.',
  'situation.noCoordinates': {
    one: '{n} офис без координат не показан на карте.',
    few: '{n} офиса без координат не показаны на карте.',
    many: '{n} офисов без координат не показаны на карте.',
    other: '{n} офиса без координат не показаны на карте.',
  },
  'situation.legend': 'Обозначения',
  'situation.state.alert': 'Есть тревога (значок «!»)',
  'situation.state.busy': 'Ожидание приближается к норме',
  'situation.state.ok': 'В пределах нормы',
  'situation.state.closed': 'Сейчас закрыт (пунктир)',
  'situation.legendSize': 'Размер круга — число ожидающих',
  'situation.selected': 'Выбранный офис',
  'situation.clearSelection': 'Снять выбор',
  'situation.tooltip': '{name}: ждут {waiting}, окна {open} из {total}',

  'situation.list': 'Офисы',
  'situation.onlyAlerts': 'Только офисы с тревогами',
  'situation.filter': 'Найти офис',
  'situation.filterHint': 'Название или район',
  'situation.sortBy': 'Сортировать: {column}',
  'situation.col.office': 'Офис',
  'situation.col.district': 'Район',
  'situation.col.state': 'Сейчас',
  'situation.col.waiting': 'Ждут',
  'situation.col.longest': 'Дольше всех ждёт',
  'situation.col.predicted': 'Прогноз ожидания',
  'situation.col.windows': 'Окна: открыто из',
  'situation.col.visits': 'Визиты сегодня / обычно',
  'situation.col.alerts': 'Тревоги',
  'situation.open': 'Открыт',
  'situation.closed': 'Закрыт',
  'situation.minutes': '{n} мин',
  'situation.none': '—',
  'situation.windows': '{open} из {total}',
  'situation.visits': '{today} / {usual}',
  'situation.noUsual': 'нет данных',
  'situation.noOffices': 'Нет офисов, подходящих под условия.',
  'situation.count': {
    one: 'Показан {n} офис',
    few: 'Показано {n} офиса',
    many: 'Показано {n} офисов',
    other: 'Показано {n} офиса',
  },
  'situation.toOffice': 'Экран офиса',
} as const;

import type { formsEn } from './forms.en';

/** 繁體中文 messages of the forms people use most: 新增訂閱, a subscription's changes. */
export const formsZhTW: typeof formsEn = {
  newSubscription: {
    availableOnly: '只顯示可購買的供應項目',
    hidden_one: '已隱藏 {{count}} 個目前無法購買的供應項目。',
    hidden_other: '已隱藏 {{count}} 個目前無法購買的供應項目。',
    quantity: {
      whole: '請輸入整數的授權數量。',
      min: '至少 {{min}} 個。',
      max: '最多 {{max}} 個。',
    },
    fixQuantities: '請修正以下項目的授權數量：{{offers}}。',
    selected_one: '已勾選 {{count}} 個供應項目',
    selected_other: '已勾選 {{count}} 個供應項目',
  },
  toasts: {
    ordered_one: '已下訂單：已為 {{customer}} 建立 {{count}} 個訂閱。',
    ordered_other: '已下訂單：已為 {{customer}} 建立 {{count}} 個訂閱。',
    saved: '已儲存 {{name}}：{{changes}}。',
    addOnsAdded_one: '已為 {{name}} 新增 {{count}} 個附加元件。',
    addOnsAdded_other: '已為 {{name}} 新增 {{count}} 個附加元件。',
    cancelled: '已取消 {{name}}。',
    converted: '試用版已轉換為 {{offer}}。',
  },
  changes: {
    quantity: '授權數量 {{from}} → {{to}}',
    autoRenew: '自動續約 {{from}} → {{to}}',
    on: '開啟',
    off: '關閉',
    name: '名稱 →「{{name}}」',
    status: '狀態 {{from}} → {{to}}',
    statusTo: '狀態 → {{to}}',
    term: '合約期延至 {{date}}',
    offer: '{{offer}}',
    convertedTo: '已轉換為 {{offer}}',
  },
  history: {
    changes: '變更內容',
  },
};

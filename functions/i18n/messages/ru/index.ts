export { common } from './common';
export { guides } from './guides';
export { lookup } from './lookup';
export { reports } from './reports';
export { mobileBox } from './mobileBox';
export { staff } from './staff';
export { errors } from './errors';
export { developers } from './developers';
